using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Labelport.Server.Tests.Exports;
using Labelport.Storage;
using Labelport.Storage.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Labelport.Server.Tests.Api;

/// <summary>A graceful stop in the middle of an export re-queues (or finishes) it; the next start completes it.</summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task Stopping_mid_export_requeues_the_job_and_the_next_start_finishes_it()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "labelport-stop-" + Guid.NewGuid().ToString("N"));
        var key = "lp_stop" + Guid.NewGuid().ToString("N");
        // Both starts on the same store (the same PostgreSQL database and bucket in Labelport.Server.Postgres.Tests).
        var options = await TestBackend.ApplyAsync(new LabelportServerOptions
        {
            DataFolder = dataFolder,
            Urls = ["http://127.0.0.1:0"],
            AdminApiKey = key,
            AdminPassword = "admin-password-1",
            JsonConsoleLogs = false,
            ExportLease = TimeSpan.FromMinutes(10),
        });
        try
        {
            string exportHash;
            await using (var first = await LabelportServer.BuildAsync(options, CancellationToken.None))
            {
                using var client = Client(await LabelportServer.StartAsync(first, CancellationToken.None), key);
                var project = await ImportAsync(client, copies: 300);
                var (status, job) = await ExportApi.StartAsync(client, project, new { format = "coco" });
                Assert.Equal(HttpStatusCode.Accepted, status);
                exportHash = job.GetProperty("exportHash").GetString()!;
                while ((await client.GetFromJsonAsync<JsonElement>("/api/exports/" + exportHash)).GetProperty("status").GetString() == "queued")
                {
                    await Task.Delay(10);
                }
                await first.StopAsync();
                var stopped = await first.Services.GetRequiredService<IExportJobStore>().FindAsync(exportHash, CancellationToken.None);
                // Re-queued (lease released: the next start need not wait 10 minutes) or finished in time; never left running.
                Assert.True(stopped!.Status is ExportJobStatus.Queued or ExportJobStatus.Succeeded, "after a graceful stop: " + stopped.Status);
            }

            await using var second = await LabelportServer.BuildAsync(options, CancellationToken.None);
            using var again = Client(await LabelportServer.StartAsync(second, CancellationToken.None), key);
            var final = await ExportApi.WaitAsync(again, exportHash, TimeSpan.FromMinutes(3));
            Assert.Equal("succeeded", final.GetProperty("status").GetString());
            Assert.Equal(300 * 6, final.GetProperty("progress").GetProperty("done").GetInt64());
            await second.StopAsync();
        }
        finally
        {
            await TestBackend.ReleaseAsync(dataFolder);
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string> ImportAsync(HttpClient client, int copies)
    {
        using var ontology = JsonDocument.Parse(FixtureRows.Ontology("platform_export"));
        var created = await client.PostAsJsonAsync("/api/projects", new { title = "stop", ontology = ontology.RootElement });
        created.EnsureSuccessStatusCode();
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("projectHash").GetString()!;
        foreach (var batch in FixtureRows.Copies("platform_export", copies).Chunk(300))
        {
            var content = new ByteArrayContent(FixtureRows.ToJson(batch));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            (await client.PostAsync("/api/projects/" + project + "/label-rows", content)).EnsureSuccessStatusCode();
        }
        return project;
    }
}
