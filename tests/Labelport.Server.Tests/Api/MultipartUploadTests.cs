using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Labelport.Server.Tests.Api;

/// <summary>Malformed multipart uploads are a 400 ProblemDetails, never a 500.</summary>
[Collection(ServerCollection.Name)]
public sealed class MultipartUploadTests(ServerFixture server)
{
    [Theory]
    [InlineData("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nimage\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nthis line is no header\r\n\r\nimage\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nimage")]
    public async Task Broken_multipart_bodies_are_400(string contentType, string body)
    {
        using var admin = server.AdminClient();
        var dataset = (await (await admin.PostAsJsonAsync("/api/datasets", new { title = "broken uploads" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetHash").GetString()!;
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await admin.PostAsync("/api/datasets/" + dataset + "/data", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, (int)response.StatusCode + " " + text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("multipart body: ", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement[]>("/api/datasets/" + dataset + "/data"))!);
    }
}
