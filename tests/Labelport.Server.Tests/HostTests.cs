using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Labelport.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class HostTests(ServerFixture server)
{
    [Fact]
    public async Task Health_is_anonymous_and_ok()
    {
        using var client = server.Client();
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        using var client = server.Client();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/projects", "/api/projects/{projectHash}/label-rows", "/api/projects/{projectHash}/exports", "/api/exports/{exportHash}/file", "/media/{dataHash}", "/api/auth/sign-in" })
        {
            Assert.True(paths.TryGetProperty(path, out _), "missing " + path);
        }
    }

    [Fact]
    public async Task Bad_json_body_is_a_400_problem_naming_the_path()
    {
        using var client = server.AdminClient();
        var response = await client.PostAsync("/api/projects", new StringContent("{\"title\": 5, \"ontology\": {}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("$.title", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.DoesNotContain("   at ", problem.ToString());
    }

    [Fact]
    public async Task Truncated_json_body_is_a_400_not_a_500()
    {
        using var client = server.AdminClient();
        var response = await client.PostAsync("/api/projects", new StringContent("{\"title\": \"x\"", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_body_is_a_413()
    {
        using var client = server.AdminClient();
        var big = "{\"title\": \"" + new string('x', 5 * 1024 * 1024) + "\", \"ontology\": {}}";
        // Expect: 100-continue lets the server refuse before the body is sent (else the client sees a broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = new StringContent(big, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Bad_ontology_is_a_400_under_the_ontology_path()
    {
        using var client = server.AdminClient();
        var response = await client.PostAsync("/api/projects", new StringContent("{\"title\": \"x\", \"ontology\": {\"objects\": [{\"name\": 1}]}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("$.ontology.objects", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Unknown_project_is_a_404_problem()
    {
        using var client = server.AdminClient();
        var response = await client.GetAsync("/api/projects/" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
