using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Labelport.Core.Model;
using Labelport.Server.Demo;
using Xunit.Abstractions;

namespace Labelport.Server.Tests.Api;

public sealed class DemoTests(DemoServerFixture server, ITestOutputHelper output) : IClassFixture<DemoServerFixture>
{
    private async Task<string> DemoProjectAsync(HttpClient client)
    {
        var projects = await client.GetFromJsonAsync<JsonElement[]>("/api/projects");
        return projects!.Single(p => p.GetProperty("title").GetString() == DemoSeeder.ProjectTitle).GetProperty("projectHash").GetString()!;
    }

    [Fact]
    public async Task Demo_has_every_status_kind_of_data_and_shape()
    {
        using var admin = server.AdminClient();
        var project = await DemoProjectAsync(admin);
        var rows = await LabelRowImportTests.ListAsync(admin, project, "");
        Assert.Equal(StatusNames.AllLabelStatuses.Order(), rows.Select(r => r.GetProperty("labelStatus").GetString()!).Distinct().Order());
        Assert.Equal(["image", "img_group", "video"], rows.Select(r => r.GetProperty("dataType").GetString()).Distinct().Order());
        var job = await ExportApi.RunAsync(admin, project, new { format = "json" });
        var json = await admin.GetStringAsync("/api/exports/" + job.GetProperty("exportHash").GetString() + "/file");
        foreach (var shape in new[] { "bounding_box", "rotatable_bounding_box", "polygon", "polyline", "point", "bitmask", "skeleton" })
        {
            Assert.Contains("\"shape\":\"" + shape + "\"", json.Replace(" ", "", StringComparison.Ordinal));
        }
        var exported = JsonNode.Parse(json)!.AsArray();
        Assert.Equal(9, exported.Count);
        Assert.Contains(exported, r => (bool?)r!["is_image_sequence"] == true);
        Assert.Contains(exported, r => r!["object_actions"]!.AsObject().Count > 0);
        Assert.Contains("\"polygons\"", json);
        // Stable links point at the member media endpoint of this server, and serve the media.
        var link = (string)exported.First(r => (string)r!["data_type"]! == "video")!["data_units"]!.AsObject().First().Value!["data_link"]!;
        Assert.StartsWith(server.BaseAddress + "api/data/", link);
        var video = await admin.GetAsync(link);
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Demo_users_sign_in_with_the_demo_password_and_have_their_roles()
    {
        using var client = server.Client();
        foreach (var (email, _, role) in DemoUsers.All)
        {
            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.BaseAddress };
            (await browser.PostAsJsonAsync("/api/auth/sign-in", new { email, password = DemoUsers.DefaultPassword })).EnsureSuccessStatusCode();
            var projects = await browser.GetFromJsonAsync<JsonElement[]>("/api/projects");
            Assert.Equal(Projects.ProjectRoleNames.ToWire(role), projects!.Single().GetProperty("role").GetString());
        }
    }

    [Fact]
    public async Task Signed_url_coco_export_links_fetch_media_anonymously()
    {
        using var admin = server.AdminClient();
        var project = await DemoProjectAsync(admin);
        var job = await ExportApi.RunAsync(admin, project, new { format = "coco", includeSignedUrls = true, signedUrlTtlSeconds = 120 });
        var coco = JsonNode.Parse(await admin.GetByteArrayAsync("/api/exports/" + job.GetProperty("exportHash").GetString() + "/file"))!;
        Assert.Contains(coco["annotations"]!.AsArray(), a => (int?)a!["iscrowd"] == 1);
        using var anonymous = server.Client();
        var image = coco["images"]!.AsArray().First()!;
        var url = (string)(image["coco_url"] ?? image["image_url"] ?? image["url"])!;
        Assert.Contains("/media/", url);
        var media = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.StartsWith("image/", media.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Twenty_exports_at_once_all_succeed_with_correct_files_and_polling_latency_is_reported()
    {
        using var admin = server.AdminClient();
        var project = await DemoProjectAsync(admin);
        var all = await LabelRowImportTests.ListAsync(admin, project, "");
        var statuses = StatusNames.AllLabelStatuses;
        var requests = new List<(string Format, string[] Statuses)>();
        for (var i = 0; requests.Count < 20; i++)
        {
            var subset = statuses.Where((_, s) => ((i + 1) >> s & 1) == 1).ToArray();
            requests.Add((i % 2 == 0 ? "json" : "coco", subset));
        }
        var started = await Task.WhenAll(requests.Select(r => ExportApi.StartAsync(admin, project, new { format = r.Format, labelStatuses = r.Statuses })));
        Assert.All(started, s => Assert.Equal(HttpStatusCode.Accepted, s.Status));
        var hashes = started.Select(s => s.Job.GetProperty("exportHash").GetString()!).ToArray();
        Assert.Equal(20, hashes.Distinct().Count());

        var latencies = new List<double>();
        var pollers = hashes.Select(async hash =>
        {
            using var client = server.AdminClient();
            var mine = new List<double>();
            while (true)
            {
                var watch = Stopwatch.StartNew();
                var job = await client.GetFromJsonAsync<JsonElement>("/api/exports/" + hash);
                mine.Add(watch.Elapsed.TotalMilliseconds);
                if (job.GetProperty("status").GetString() is not ("queued" or "running"))
                {
                    lock (latencies)
                    {
                        latencies.AddRange(mine);
                    }
                    return job;
                }
                await Task.Delay(20);
            }
        });
        var finished = await Task.WhenAll(pollers);
        for (var i = 0; i < finished.Length; i++)
        {
            Assert.Equal("succeeded", finished[i].GetProperty("status").GetString());
            var bytes = await admin.GetByteArrayAsync("/api/exports/" + hashes[i] + "/file");
            Assert.Equal(finished[i].GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var expectedRows = all.Count(r => requests[i].Statuses.Contains(r.GetProperty("labelStatus").GetString()));
            Assert.Equal(expectedRows, finished[i].GetProperty("progress").GetProperty("total").GetInt64());
            var parsed = JsonNode.Parse(bytes)!;
            if (requests[i].Format == "json")
            {
                Assert.Equal(expectedRows, parsed.AsArray().Count);
                Assert.All(parsed.AsArray(), r => Assert.Contains((string)r!["label_status"]!, requests[i].Statuses));
            }
            else
            {
                Assert.NotNull(parsed["images"]);
                Assert.NotNull(parsed["annotations"]);
            }
        }
        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(latencies.Count * 0.99) - 1)];
        var line = $"status polling during 20 concurrent demo exports: {latencies.Count} polls, p50 {p50:F1} ms, p99 {p99:F1} ms, max {latencies[^1]:F1} ms ({Environment.ProcessorCount} cores)";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
