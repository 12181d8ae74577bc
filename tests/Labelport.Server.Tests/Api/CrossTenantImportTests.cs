using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Labelport.Server.Demo;

namespace Labelport.Server.Tests.Api;

/// <summary>A label-row import cannot point a project at media of a dataset it does not hold.</summary>
[Collection(ServerCollection.Name)]
public sealed class CrossTenantImportTests(ServerFixture server)
{
    [Fact]
    public async Task Importing_a_row_naming_another_users_upload_is_400_and_the_media_stays_hidden()
    {
        var a = await server.CreateUserAsync("tenant-a");
        using var clientA = server.Client(a.ApiKey);
        var projectA = await server.CreateProjectAsync(DemoOntology.Json, "A's project", clientA);
        var dataset = (await (await clientA.PostAsJsonAsync("/api/datasets", new { title = "A's media" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetHash").GetString()!;
        using var form = new MultipartFormDataContent();
        var png = new ByteArrayContent(DemoMedia.Scene(2));
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(png, "file", "secret.png");
        var upload = await clientA.PostAsync("/api/datasets/" + dataset + "/data", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var mediaHash = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("dataHash").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await clientA.PostAsJsonAsync("/api/projects/" + projectA + "/datasets", new { datasetHash = dataset })).StatusCode);
        var labelHash = Assert.Single(await LabelRowImportTests.ListAsync(clientA, projectA, "")).GetProperty("labelHash").GetString()!;
        var row = JsonNode.Parse(await clientA.GetStringAsync("/api/projects/" + projectA + "/label-rows/" + labelHash))!.AsObject();
        row.Remove("label_hash");

        var b = await server.CreateUserAsync("tenant-b");
        using var clientB = server.Client(b.ApiKey);
        var projectB = await server.CreateProjectAsync(DemoOntology.Json, "B's project", clientB);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync("/api/data/" + mediaHash + "/media")).StatusCode);

        var byItem = await PostAsync(clientB, projectB, new JsonArray(row.DeepClone()));
        await AssertRejectedAsync(byItem, "$[0].data_hash");

        // The same unit under a made-up item hash.
        var byUnit = row.DeepClone().AsObject();
        byUnit["data_hash"] = Guid.NewGuid().ToString();
        var second = await PostAsync(clientB, projectB, new JsonArray(byUnit));
        await AssertRejectedAsync(second, "$[0].data_units." + mediaHash);

        Assert.Empty(await LabelRowImportTests.ListAsync(clientB, projectB, ""));
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync("/api/data/" + mediaHash + "/media")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clientA.GetAsync("/api/data/" + mediaHash + "/media")).StatusCode);
        // A's own project may still re-import its row.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(clientA, projectA, new JsonArray(row.DeepClone()))).StatusCode);
    }

    [Fact]
    public async Task Importing_a_row_naming_the_item_of_another_users_unattached_group_is_400()
    {
        var a = await server.CreateUserAsync("group-owner");
        using var clientA = server.Client(a.ApiKey);
        var dataset = (await (await clientA.PostAsJsonAsync("/api/datasets", new { title = "A's groups" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("datasetHash").GetString()!;
        using var form = new MultipartFormDataContent { { new StringContent("img_group"), "kind" } };
        foreach (var i in new[] { 1, 2 })
        {
            var png = new ByteArrayContent(DemoMedia.Scene(i));
            png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(png, "file", i + ".png");
        }
        var upload = await clientA.PostAsync("/api/datasets/" + dataset + "/data", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var item = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0];
        var itemHash = item.GetProperty("dataHash").GetString()!;
        var unitHash = item.GetProperty("units")[0].GetProperty("dataHash").GetString()!;

        var b = await server.CreateUserAsync("group-thief");
        using var clientB = server.Client(b.ApiKey);
        var projectB = await server.CreateProjectAsync(DemoOntology.Json, "B's project", clientB);
        // The item's hash with a made-up unit: the store would keep A's item (and its units) under B's row.
        var fakeUnit = Guid.NewGuid().ToString();
        var row = new JsonObject
        {
            ["data_hash"] = itemHash,
            ["dataset_hash"] = dataset,
            ["data_title"] = "stolen",
            ["data_type"] = "img_group",
            ["label_status"] = "NOT_LABELLED",
            ["data_units"] = new JsonObject
            {
                [fakeUnit] = new JsonObject
                {
                    ["data_hash"] = fakeUnit,
                    ["data_title"] = "fake.png",
                    ["data_type"] = "image/png",
                    ["data_sequence"] = 0,
                    ["data_link"] = "https://example.com/fake.png",
                    ["width"] = 10,
                    ["height"] = 10,
                    ["labels"] = new JsonObject { ["objects"] = new JsonArray(), ["classifications"] = new JsonArray() },
                },
            },
            ["object_answers"] = new JsonObject(),
            ["classification_answers"] = new JsonObject(),
        };
        await AssertRejectedAsync(await PostAsync(clientB, projectB, new JsonArray(row)), "$[0].data_hash");
        Assert.Empty(await LabelRowImportTests.ListAsync(clientB, projectB, ""));
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync("/api/data/" + unitHash + "/media")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string project, JsonNode body) =>
        client.PostAsync("/api/projects/" + project + "/label-rows", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task AssertRejectedAsync(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, (int)response.StatusCode + " " + text);
        var problem = JsonDocument.Parse(text).RootElement;
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(path, error.GetProperty("path").GetString());
        Assert.Contains("belongs to a dataset this project does not hold", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
