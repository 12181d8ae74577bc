using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Labelport.Tests.Shared;

namespace Labelport.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class LabelRowImportTests(ServerFixture server)
{
    private static string Ontology => File.ReadAllText(TestData.Encord("platform_export.ontology.json"));

    private static string Rows => File.ReadAllText(TestData.Encord("platform_export.labels.json"));

    [Fact]
    public async Task Import_then_list_get_and_filter()
    {
        var project = await server.CreateProjectAsync(Ontology);
        using var client = server.AdminClient();
        var import = await client.PostAsync("/api/projects/" + project + "/label-rows", new StringContent(Rows, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, result.GetProperty("imported").GetInt32());

        var expected = JsonNode.Parse(Rows)!.AsArray();
        var all = await ListAsync(client, project, "");
        Assert.Equal(6, all.Count);
        Assert.Equal(
            expected.Select(r => (string)r!["data_hash"]!).Order(),
            all.Select(r => r.GetProperty("dataHash").GetString()!).Order());
        var first = expected[0]!;
        var summary = all.Single(r => r.GetProperty("labelHash").GetString() == (string)first["label_hash"]!);
        Assert.Equal((string)first["label_status"]!, summary.GetProperty("labelStatus").GetString());

        var labelled = await ListAsync(client, project, "&labelStatuses=LABELLED");
        Assert.Equal(expected.Count(r => (string)r!["label_status"]! == "LABELLED"), labelled.Count);
        var two = await ListAsync(client, project, "&dataHashes=" + (string)expected[1]!["data_hash"]! + "," + (string)expected[2]!["data_hash"]!);
        Assert.Equal(2, two.Count);
        Assert.Empty(await ListAsync(client, project, "&editedAfter=2030-01-01T00:00:00Z"));
        Assert.Equal(6, (await ListAsync(client, project, "&editedBefore=2030-01-01T00:00:00Z")).Count);

        // Keyset pages of 2 give every row once.
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/projects/" + project + "/label-rows?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("labelHash").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(all.Select(r => r.GetProperty("labelHash").GetString()!), paged);

        var row = await client.GetFromJsonAsync<JsonElement>("/api/projects/" + project + "/label-rows/" + (string)first["label_hash"]!);
        Assert.Equal((string)first["data_hash"]!, row.GetProperty("data_hash").GetString());
        Assert.Equal(first["data_units"]!.AsObject().Count, row.GetProperty("data_units").EnumerateObject().Count());
    }

    [Fact]
    public async Task Status_patch_changes_the_row_and_its_json()
    {
        var project = await server.CreateProjectAsync(Ontology);
        using var client = server.AdminClient();
        (await client.PostAsync("/api/projects/" + project + "/label-rows", new StringContent(Rows, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var labelHash = (string)JsonNode.Parse(Rows)![0]!["label_hash"]!;
        var patch = await client.PatchAsJsonAsync("/api/projects/" + project + "/label-rows/" + labelHash, new { labelStatus = "REVIEWED" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("REVIEWED", (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("labelStatus").GetString());
        var row = await client.GetFromJsonAsync<JsonElement>("/api/projects/" + project + "/label-rows/" + labelHash);
        Assert.Equal("REVIEWED", row.GetProperty("label_status").GetString());
        var bad = await client.PatchAsJsonAsync("/api/projects/" + project + "/label-rows/" + labelHash, new { labelStatus = "DONE" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Put_replaces_a_row_after_validation()
    {
        var project = await server.CreateProjectAsync(Ontology);
        using var client = server.AdminClient();
        (await client.PostAsync("/api/projects/" + project + "/label-rows", new StringContent(Rows, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var row = JsonNode.Parse(Rows)![5]!;
        var labelHash = (string)row["label_hash"]!;
        row["label_status"] = "REVIEWED_TWICE";
        var put = await client.PutAsync("/api/projects/" + project + "/label-rows/" + labelHash, new StringContent(row.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("REVIEWED_TWICE", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("labelStatus").GetString());
        row["label_status"] = "NOPE";
        var bad = await client.PutAsync("/api/projects/" + project + "/label-rows/" + labelHash, new StringContent(row.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("$.label_status", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Bad_import_names_every_problem_by_json_path_and_stores_nothing()
    {
        var project = await server.CreateProjectAsync(Ontology);
        using var client = server.AdminClient();
        var rows = JsonNode.Parse(Rows)!.AsArray();
        rows[2]!["label_status"] = "FINISHED";
        var objects = rows[4]!["data_units"]!.AsObject().First().Value!["labels"]!["objects"]!.AsArray();
        Assert.NotEmpty(objects);
        objects[0]!["featureHash"] = "notInOntology";
        var response = await client.PostAsync("/api/projects/" + project + "/label-rows", new StringContent(rows.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToArray();
        Assert.Contains("$[2].label_status", paths);
        Assert.Contains(paths, p => p.StartsWith("$[4].data_units.", StringComparison.Ordinal) && p.EndsWith(".objects[0].featureHash", StringComparison.Ordinal));
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("FINISHED", StringComparison.Ordinal));
        Assert.Empty(await ListAsync(client, project, ""));
    }

    [Fact]
    public async Task Malformed_json_import_names_the_place_and_stores_nothing()
    {
        var project = await server.CreateProjectAsync(Ontology);
        using var client = server.AdminClient();
        var truncated = Rows[..(Rows.Length / 2)];
        var response = await client.PostAsync("/api/projects/" + project + "/label-rows", new StringContent(truncated, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("$", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Empty(await ListAsync(client, project, ""));
    }

    [Fact]
    public async Task One_row_object_imports_and_reimport_replaces_by_label_hash()
    {
        var project = await server.CreateProjectAsync(Ontology);
        using var client = server.AdminClient();
        var row = JsonNode.Parse(Rows)![1]!;
        for (var i = 0; i < 2; i++)
        {
            var response = await client.PostAsync("/api/projects/" + project + "/label-rows", new StringContent(row.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var rows = await ListAsync(client, project, "");
        Assert.Single(rows);
        Assert.Equal((string)row["label_hash"]!, rows[0].GetProperty("labelHash").GetString());
    }

    internal static async Task<List<JsonElement>> ListAsync(HttpClient client, string project, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/projects/" + project + "/label-rows?limit=1000" + query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
