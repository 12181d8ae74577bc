using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Labelport.Tests.Shared;

namespace Labelport.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ExportEndpointTests(ServerFixture server)
{
    private static string Ontology => File.ReadAllText(TestData.Encord("platform_export.ontology.json"));

    private static string Rows => File.ReadAllText(TestData.Encord("platform_export.labels.json"));

    private async Task<string> ImportedProjectAsync()
    {
        var project = await server.CreateProjectAsync(Ontology);
        using var client = server.AdminClient();
        (await client.PostAsync("/api/projects/" + project + "/label-rows", new StringContent(Rows, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return project;
    }

    [Fact]
    public async Task Json_export_with_every_filter_downloads_a_named_hashed_file_and_records_history()
    {
        var project = await ImportedProjectAsync();
        using var client = server.AdminClient();
        var source = JsonNode.Parse(Rows)!.AsArray();
        var ontology = JsonNode.Parse(Ontology)!;
        var objectHash = (string)ontology["objects"]![0]!["featureNodeHash"]!;
        var classificationHash = (string)ontology["classifications"]![0]!["featureNodeHash"]!;
        var dataHashes = source.Take(4).Select(r => (string)r!["data_hash"]!).ToArray();
        var request = new
        {
            format = "json",
            dataHashes,
            labelStatuses = new[] { "LABEL_IN_PROGRESS", "LABELLED" },
            objectFeatureHashes = new[] { objectHash },
            classificationFeatureHashes = new[] { classificationHash },
        };
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var job = await ExportApi.RunAsync(client, project, request);
        var exportHash = job.GetProperty("exportHash").GetString()!;
        Assert.Matches("^" + project + @"_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.json$", job.GetProperty("fileName").GetString());
        Assert.Equal(4, job.GetProperty("progress").GetProperty("total").GetInt64());
        Assert.Equal(4, job.GetProperty("progress").GetProperty("done").GetInt64());

        var file = await client.GetAsync("/api/exports/" + exportHash + "/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(job.GetProperty("fileName").GetString(), file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(job.GetProperty("sha256").GetString(), sha);
        Assert.Equal(bytes.Length, job.GetProperty("size").GetInt64());
        Assert.Equal("\"" + sha + "\"", file.Headers.ETag?.Tag);

        var rows = JsonNode.Parse(bytes)!.AsArray();
        Assert.Equal(dataHashes.Order(), rows.Select(r => (string)r!["data_hash"]!).Order());
        foreach (var row in rows)
        {
            Assert.Equal(exportHash, (string)row!["export_hash"]!);
            Assert.Equal(ServerFixture.AdminEmail, (string)row["export_history"]![0]!["user_email"]!);
            foreach (var unit in row["data_units"]!.AsObject())
            {
                foreach (var instance in Objects(unit.Value!))
                {
                    Assert.Equal(objectHash, (string)instance!["featureHash"]!);
                }
                // External data (imported rows, no uploaded media) keeps the link it came with.
                var sourceUnit = source.Single(r => (string)r!["data_hash"]! == (string)row["data_hash"]!)!["data_units"]![unit.Key]!;
                Assert.Equal((string?)sourceUnit["data_link"], (string?)unit.Value!["data_link"]);
            }
            foreach (var answer in row["classification_answers"]!.AsObject())
            {
                Assert.Equal(classificationHash, (string)answer.Value!["featureHash"]! );
            }
        }

        // Range: the second half of the file.
        using var range = new HttpRequestMessage(HttpMethod.Get, "/api/exports/" + exportHash + "/file");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(bytes.Length / 2, null);
        var partial = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes.AsSpan(bytes.Length / 2).ToArray(), await partial.Content.ReadAsByteArrayAsync());

        // History: newest first, and the row's own history names this export.
        var history = await client.GetFromJsonAsync<JsonElement>("/api/projects/" + project + "/exports");
        Assert.Equal(exportHash, history[0].GetProperty("exportHash").GetString());
        var row0 = await client.GetFromJsonAsync<JsonElement>("/api/projects/" + project + "/label-rows/" + (string)rows[0]!["label_hash"]!);
        Assert.Equal(exportHash, row0.GetProperty("export_history")[0].GetProperty("export_hash").GetString());
        Assert.True(DateTimeOffset.Parse(job.GetProperty("finishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= before);
    }

    [Fact]
    public async Task Coco_export_parses_with_images_and_annotations()
    {
        var project = await ImportedProjectAsync();
        using var client = server.AdminClient();
        var (_, started) = await ExportApi.StartAsync(client, project, new { format = "coco", labelStatuses = new[] { "LABEL_IN_PROGRESS", "LABELLED" } });
        var job = await ExportApi.WaitAsync(client, started.GetProperty("exportHash").GetString()!);
        Assert.True(job.GetProperty("status").GetString() == "succeeded", job.ToString());
        Assert.EndsWith("_coco.json", job.GetProperty("fileName").GetString());
        var bytes = await client.GetByteArrayAsync("/api/exports/" + job.GetProperty("exportHash").GetString() + "/file");
        Assert.Equal(job.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var coco = JsonNode.Parse(bytes)!;
        Assert.NotEmpty(coco["images"]!.AsArray());
        Assert.NotEmpty(coco["annotations"]!.AsArray());
        Assert.NotEmpty(coco["categories"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_filter_values_are_400s_naming_each_path()
    {
        var project = await ImportedProjectAsync();
        using var client = server.AdminClient();
        var ontology = JsonNode.Parse(Ontology)!;
        var known = (string)ontology["objects"]![0]!["featureNodeHash"]!;
        var (status, problem) = await ExportApi.StartAsync(client, project, new
        {
            format = "json",
            dataHashes = new[] { (string)JsonNode.Parse(Rows)![0]!["data_hash"]!, "no-such-data" },
            labelStatuses = new[] { "LABELLED", "DONE" },
            objectFeatureHashes = new[] { known, "nope1234" },
            classificationFeatureHashes = new[] { "nope5678" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "$.dataHashes[1]", "$.labelStatuses[1]", "$.objectFeatureHashes[1]", "$.classificationFeatureHashes[0]" }, paths);
        var messages = string.Join("\n", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        Assert.Contains("no-such-data", messages);
        Assert.Contains("nope1234", messages);
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>("/api/projects/" + project + "/exports") ?? []);

        var (badFormat, formatProblem) = await ExportApi.StartAsync(client, project, new { format = "xml" });
        Assert.Equal(HttpStatusCode.BadRequest, badFormat);
        Assert.Equal("$.format", formatProblem.GetProperty("errors")[0].GetProperty("path").GetString());
        var (badTtl, ttlProblem) = await ExportApi.StartAsync(client, project, new { format = "json", includeSignedUrls = true, signedUrlTtlSeconds = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, badTtl);
        Assert.Equal("$.signedUrlTtlSeconds", ttlProblem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task File_of_an_unfinished_or_cancelled_export_is_a_409_and_cancel_twice_is_a_409()
    {
        var project = await ImportedProjectAsync();
        using var client = server.AdminClient();
        var (status, job) = await ExportApi.StartAsync(client, project, new { format = "json", labelStatuses = new[] { "LABELLED" } });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var exportHash = job.GetProperty("exportHash").GetString()!;
        var cancel = await client.PostAsync("/api/exports/" + exportHash + "/cancel", null);
        var final = await ExportApi.WaitAsync(client, exportHash);
        if (cancel.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("cancelled", final.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync("/api/exports/" + exportHash + "/file")).StatusCode);
        }
        else
        {
            // The worker was quicker than the cancel: it finished, and a finished job cannot be cancelled.
            Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
            Assert.Equal("succeeded", final.GetProperty("status").GetString());
        }
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/api/exports/" + exportHash + "/cancel", null)).StatusCode);
    }

    private static IEnumerable<JsonNode?> Objects(JsonNode unit)
    {
        var labels = unit["labels"]!.AsObject();
        if (labels["objects"] is JsonArray direct)
        {
            return direct;
        }
        return labels.SelectMany(frame => frame.Value!["objects"]?.AsArray() ?? []);
    }
}
