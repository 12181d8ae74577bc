using Microsoft.Extensions.DependencyInjection;

namespace Labelport.Client.Tests.Api;

public sealed class HttpClientFactoryTests
{
    [Fact]
    public void The_client_is_a_typed_client_of_IHttpClientFactory()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LabelportClientOptions { ApiKey = "lp_test" });
        services.AddHttpClient<LabelportClient>(http => http.BaseAddress = new Uri("http://127.0.0.1:5123/labelport"));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LabelportClient>();
        Assert.Equal(new Uri("http://127.0.0.1:5123/labelport/"), client.Server);
    }

    [Fact]
    public void Without_an_address_the_client_says_what_to_set()
    {
        using var http = new HttpClient();
        var error = Assert.Throws<ArgumentException>(() => new LabelportClient(http, new LabelportClientOptions()));
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }
}
