using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Labelport.Server.Tests.Exports;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Labelport.Server.Tests.Api;

/// <summary>
/// <c>labelport serve</c> killed (not stopped) in the middle of a large export, then started again on the same data
/// folder: the job is taken over after its lease and ends succeeded (or failed with a reason), the database is
/// intact, and the file endpoint never serves a partial file.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Copies = 400;
    private const int RowsPerRequest = 300;
    private const int LeaseSeconds = 3;

    [Fact]
    public async Task Killed_mid_export_the_job_is_finished_after_restart_and_nothing_partial_is_served()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "labelport-crash-" + Guid.NewGuid().ToString("N"));
        var key = "lp_crash" + Guid.NewGuid().ToString("N");
        try
        {
            string exportHash;
            string project;
            using (var first = await ServeProcess.StartAsync(dataFolder, key, LeaseSeconds))
            {
                using var client = Client(first.BaseAddress, key);
                project = await ImportLargeProjectAsync(client);
                var (status, job) = await ExportApi.StartAsync(client, project, new { format = "coco" });
                Assert.Equal(HttpStatusCode.Accepted, status);
                exportHash = job.GetProperty("exportHash").GetString()!;
                // An identical request while the job is queued or running shares it.
                var (again, shared) = await ExportApi.StartAsync(client, project, new { format = "coco" });
                Assert.Equal(HttpStatusCode.OK, again);
                Assert.Equal(exportHash, shared.GetProperty("exportHash").GetString());
                var seenMidway = await WaitUntilMidwayAsync(client, exportHash);
                Assert.True(seenMidway, "the export finished before the test could kill the server mid-export; make the project bigger");
                Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync("/api/exports/" + exportHash + "/file")).StatusCode);
                first.Kill();
            }

            using (var second = await ServeProcess.StartAsync(dataFolder, key, LeaseSeconds))
            {
                using var client = Client(second.BaseAddress, key);
                var final = await FollowWithoutPartialFilesAsync(client, exportHash);
                var status = final.GetProperty("status").GetString();
                output.WriteLine("after restart: " + final);
                Assert.True(status is "succeeded" or "failed", "unexpected final state " + final);
                if (status == "failed")
                {
                    Assert.False(string.IsNullOrWhiteSpace(final.GetProperty("error").GetString()));
                    Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync("/api/exports/" + exportHash + "/file")).StatusCode);
                }
                else
                {
                    var bytes = await client.GetByteArrayAsync("/api/exports/" + exportHash + "/file");
                    Assert.Equal(final.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
                    using var coco = JsonDocument.Parse(bytes);
                    Assert.Equal(Copies * 6, final.GetProperty("progress").GetProperty("done").GetInt64());
                    Assert.True(coco.RootElement.GetProperty("images").GetArrayLength() > 0);
                }
                Assert.Equal(0, await second.StopAsync());
            }

            await using var connection = new SqliteConnection("Data Source=" + Path.Combine(dataFolder, "labelport.db") + ";Pooling=False");
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        }
        finally
        {
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

    private static async Task<string> ImportLargeProjectAsync(HttpClient client)
    {
        using var ontology = JsonDocument.Parse(FixtureRows.Ontology("platform_export"));
        var created = await client.PostAsJsonAsync("/api/projects", new { title = "large", ontology = ontology.RootElement });
        created.EnsureSuccessStatusCode();
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("projectHash").GetString()!;
        var rows = FixtureRows.Copies("platform_export", Copies);
        foreach (var batch in rows.Chunk(RowsPerRequest))
        {
            var content = new ByteArrayContent(FixtureRows.ToJson(batch));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await client.PostAsync("/api/projects/" + project + "/label-rows", content);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        return project;
    }

    /// <summary>True once the job is running with some but not all rows written.</summary>
    private static async Task<bool> WaitUntilMidwayAsync(HttpClient client, string exportHash)
    {
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>("/api/exports/" + exportHash);
            var status = job.GetProperty("status").GetString();
            var done = job.GetProperty("progress").GetProperty("done").GetInt64();
            var total = job.GetProperty("progress").GetProperty("total").GetInt64();
            if (status == "running" && done > 0 && done < total)
            {
                return true;
            }
            if (status is not ("queued" or "running"))
            {
                return false;
            }
            await Task.Delay(10);
        }
    }

    /// <summary>Polls to the end; while not succeeded, the file endpoint must refuse (409), never serve bytes.</summary>
    private static async Task<JsonElement> FollowWithoutPartialFilesAsync(HttpClient client, string exportHash)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>("/api/exports/" + exportHash);
            var status = job.GetProperty("status").GetString();
            if (status is not ("queued" or "running"))
            {
                return job;
            }
            var file = await client.GetAsync("/api/exports/" + exportHash + "/file");
            if (file.StatusCode != HttpStatusCode.Conflict)
            {
                // It may have succeeded between the two requests; then the file must be the whole, hashed file.
                var now = await client.GetFromJsonAsync<JsonElement>("/api/exports/" + exportHash);
                Assert.Equal("succeeded", now.GetProperty("status").GetString());
                Assert.Equal(now.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await file.Content.ReadAsByteArrayAsync())));
            }
            Assert.True(DateTime.UtcNow < deadline, "the export did not finish after the restart: " + job);
            await Task.Delay(100);
        }
    }
}
