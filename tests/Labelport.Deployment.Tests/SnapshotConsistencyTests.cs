using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Labelport.Deployment.Tests;

/// <summary>
/// Labels are edited while an export runs; the file must show the project as it was at one moment: the edited rows in
/// the file are exactly the first k edits, for some k. Once the export has written a few hundred rows, the first edit
/// goes to the file's first row (already read) and the second to its last row (not read yet): a file read page by
/// page without a snapshot would show the second edit and miss the first. Then edits follow the file order.
/// </summary>
public sealed class SnapshotConsistencyTests(ITestOutputHelper output)
{
    private const string EditedStatus = "REVIEWED_TWICE";

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task An_export_reflects_one_snapshot_while_labels_are_edited(string backendKind)
    {
        await using var backend = await SharedBackend.CreateAsync();
        var apiKey = "lp_test_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        // PostgreSQL: the export runs wherever it is claimed and the edits go through the other instance.
        // SQLite: one instance with its data folder does both.
        var environment = backendKind == "postgres" ? backend.Environment(leaseSeconds: 30) : new Dictionary<string, string>();
        await using var exporter = await ServerProcess.StartAsync("exporter", backend.DataFolder("exporter"), environment, apiKey);
        await using var editorProcess = backendKind == "postgres" ? await ServerProcess.StartAsync("editor", backend.DataFolder("editor"), environment, apiKey) : null;
        var editor = editorProcess ?? exporter;

        var rows = ProjectRows.Copies("platform_export", 150);
        var projectHash = await exporter.Client.CreateProjectAsync("Snapshot", rows.OntologyJson);
        foreach (var chunk in rows.Chunks(100))
        {
            await exporter.Client.ImportRowsAsync(projectHash, chunk);
        }
        var order = rows.InExportOrder(rows.Rows.Select(r => r.Row));
        var edits = new List<string> { order[0], order[^1] };
        edits.AddRange(order.Where((_, i) => i % 7 == 3));

        var exportHash = await exporter.Client.RequestExportAsync(projectHash, new JsonObject { ["format"] = "json" });
        var watch = Stopwatch.StartNew();
        ExportJobView job;
        while ((job = await editor.Client.GetExportAsync(exportHash)) is { IsFinished: false, Done: < 250 })
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the export did not get going");
            await Task.Delay(5);
        }
        Assert.False(job.IsFinished, "the export finished before the edits began; make the project bigger");

        var editedAt = new List<DateTimeOffset>();
        foreach (var labelHash in edits)
        {
            var row = JsonNode.Parse(await editor.Client.GetRowJsonAsync(projectHash, labelHash))!.AsObject();
            row["label_status"] = EditedStatus;
            await editor.Client.PutRowAsync(projectHash, labelHash, row.ToJsonString());
            editedAt.Add(DateTimeOffset.UtcNow);
            if ((await editor.Client.GetExportAsync(exportHash)).IsFinished)
            {
                break;
            }
        }
        while (!(job = await editor.Client.GetExportAsync(exportHash)).IsFinished)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(180), "the export did not finish");
            await Task.Delay(25);
        }
        Assert.Equal("succeeded", job.Status);
        var during = editedAt.Count(t => t > job.StartedAt && t < job.FinishedAt);
        output.WriteLine($"{backendKind}: {editedAt.Count} edits made, {during} while the export ran ({job.StartedAt:O} … {job.FinishedAt:O})");
        Assert.True(during >= 3 && editedAt[1] < job.FinishedAt, $"only {during} edits landed while the export ran; the test proves nothing then");

        var (bytes, _) = await editor.Client.DownloadAsync(exportHash);
        using var file = JsonDocument.Parse(bytes);
        var statusInFile = file.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("label_hash").GetString()!, r => r.GetProperty("label_status").GetString()!, StringComparer.Ordinal);
        Assert.Equal(order, file.RootElement.EnumerateArray().Select(r => r.GetProperty("label_hash").GetString()!).ToList());
        var seen = edits.Take(editedAt.Count).Select(hash => statusInFile[hash] == EditedStatus).ToList();
        var prefix = seen.TakeWhile(edited => edited).Count();
        output.WriteLine($"the file shows the first {prefix} of {editedAt.Count} edits");
        Assert.True(seen.Skip(prefix).All(edited => !edited), $"the file shows edits {string.Join(",", seen.Select((e, i) => e ? i : -1).Where(i => i >= 0))}: not one moment's state");
        // Rows that were never edited carry their imported status.
        Assert.All(order.Except(edits.Take(editedAt.Count)), hash => Assert.NotEqual(EditedStatus, statusInFile[hash]));
        // And every edit did land in the database (the next export would show them all).
        Assert.Contains(EditedStatus, await editor.Client.GetRowJsonAsync(projectHash, edits[editedAt.Count - 1]), StringComparison.Ordinal);
    }
}
