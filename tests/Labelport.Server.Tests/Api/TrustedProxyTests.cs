using System.Net;
using Labelport.Server.Hosting;
using Labelport.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Labelport.Server.Tests.Api;

/// <summary>Behind a trusted proxy the client's address comes from X-Forwarded-For: rate limits and the access log use it.</summary>
public sealed class TrustedProxyTests(TrustedProxyServerFixture server) : IClassFixture<TrustedProxyServerFixture>
{
    [Fact]
    public async Task Each_forwarded_client_has_its_own_sign_in_limit_and_is_logged_by_its_address()
    {
        var log = new CapturedLog();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        using var client = server.Client();

        for (var i = 0; i < TrustedProxyServerFixture.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ForwardedSignIn.WrongPasswordAsync(client, "203.0.113.7")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ForwardedSignIn.WrongPasswordAsync(client, "203.0.113.7")).StatusCode);
        // Another client behind the same proxy is not locked out by the first one's attempts.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ForwardedSignIn.WrongPasswordAsync(client, "203.0.113.8")).StatusCode);

        var entries = await log.WaitForAsync(e => e.Count(x => x.Message.StartsWith("POST /api/auth/sign-in ", StringComparison.Ordinal)) >= 4);
        var signIns = entries.Where(e => e.Message.StartsWith("POST /api/auth/sign-in ", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Equal(3, signIns.Count(m => m.EndsWith(" from 203.0.113.7", StringComparison.Ordinal)));
        Assert.Single(signIns, m => m.StartsWith("POST /api/auth/sign-in 429 ", StringComparison.Ordinal) && m.EndsWith(" from 203.0.113.7", StringComparison.Ordinal));
        Assert.Single(signIns, m => m.StartsWith("POST /api/auth/sign-in 401 ", StringComparison.Ordinal) && m.EndsWith(" from 203.0.113.8", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.0.0.5, 10.1.0.0/16, ::1, fd00::/8")]
    [InlineData(" 192.168.1.1 ")]
    public void Addresses_and_networks_are_accepted(string value)
    {
        var entries = TrustedProxies.Parse(value);
        var options = TrustedProxies.ToOptions(entries);
        Assert.Equal(entries.Count, options.KnownProxies.Count + options.KnownIPNetworks.Count);
    }

    [Fact]
    public void The_variable_is_read_into_the_options()
    {
        var options = new LabelportServerOptions { DataFolder = "unused" }
            .WithEnvironment(name => name == "LABELPORT_TRUSTED_PROXIES" ? "10.0.0.5, 10.0.1.0/24," : null);
        Assert.Equal(["10.0.0.5", "10.0.1.0/24"], options.TrustedProxies);
        Assert.Empty(new LabelportServerOptions { DataFolder = "unused" }.WithEnvironment(_ => null).TrustedProxies);
    }

    [Theory]
    [InlineData("lb.example.com")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.5,nonsense")]
    public void A_malformed_entry_stops_the_start_with_what_is_wrong(string value)
    {
        var error = Assert.Throws<ServerConfigurationException>(() => TrustedProxies.ToOptions(TrustedProxies.Parse(value)));
        Assert.StartsWith("LABELPORT_TRUSTED_PROXIES: '", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not an IP address or a CIDR network", error.Message, StringComparison.Ordinal);
    }
}
