using System.Text;
using Labelport.Server.Exports;
using Labelport.Storage.Records;

namespace Labelport.Server.Tests.Exports;

/// <summary>Nothing half-written is ever published; a failed, cancelled or taken-over export never shows as done.</summary>
public sealed class ExportRunnerFailureTests
{
    /// <summary>A heartbeat per row, so a run of a few thousand rows is long enough to interrupt in the middle.</summary>
    private static readonly ExportWorkerOptions EveryRow = new() { HeartbeatRows = 1, PageSize = 50, StageBatchSize = 100 };

    [Theory]
    [InlineData(ExportFormats.Json)]
    [InlineData(ExportFormats.Coco)]
    public async Task A_row_that_cannot_be_parsed_fails_the_job_with_its_hash_and_problem(string format)
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("platform_export"));
        var rows = FixtureRows.Load("platform_export");
        await env.ImportAsync(project, rows);
        var broken = StoredRows.From(project, FixtureRows.Load("skeleton").Single()) with
        {
            DataTitle = "zzz-last",
            Json = Encoding.UTF8.GetBytes("""{"label_hash": "x", "data_hash": 42, "data_units": {}}"""),
        };
        await env.Storage.LabelRows.ImportAsync(project, [broken], [], CancellationToken.None);

        var (outcome, job) = await env.ExportAsync(await env.QueueAsync(project, new ExportRequest { Format = format }), EveryRow);

        Assert.Equal(ExportRunOutcome.Failed, outcome);
        Assert.Equal(ExportJobStatus.Failed, job.Status);
        Assert.StartsWith($"label row {broken.LabelHash}: $.data_hash: ", job.Error, StringComparison.Ordinal);
        Assert.Contains("42", job.Error, StringComparison.Ordinal);
        Assert.Null(job.BlobKey);
        Assert.Null(job.Sha256);
        Assert.Empty(env.BlobFiles());
        Assert.Empty(Directory.GetFiles(env.RunnerOptions.TemporaryFolder!));
        foreach (var row in rows)
        {
            Assert.Empty(await env.Storage.LabelRows.ListHistoryAsync(project, row.LabelHash!, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData("ontology", "the project's ontology: $: malformed JSON")]
    [InlineData("request", "the stored export request cannot be read: ")]
    [InlineData("format", "unknown export format \"xml\"")]
    public async Task A_job_that_cannot_start_fails_with_the_reason(string broken, string reason)
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(broken == "ontology" ? "{not json" : FixtureRows.Ontology("skeleton"));
        await env.ImportAsync(project, FixtureRows.Load("skeleton"));
        // Job rows written by something other than the API: the runner must not trust them.
        var requestJson = broken switch
        {
            "request" => "{\"format\": ",
            "format" => "{\"format\": \"xml\"}",
            _ => null,
        };
        var job = await env.QueueAsync(project, new ExportRequest(), requestJson: requestJson);

        var (outcome, failed) = await env.ExportAsync(job);

        Assert.Equal(ExportRunOutcome.Failed, outcome);
        Assert.Equal(ExportJobStatus.Failed, failed.Status);
        Assert.StartsWith(reason, failed.Error, StringComparison.Ordinal);
        Assert.Empty(env.BlobFiles());
    }

    [Fact]
    public async Task A_storage_failure_fails_the_job_without_naming_server_paths_and_the_next_export_succeeds()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var ontology = FixtureRows.Ontology("platform_export");
        var project = await env.CreateProjectAsync(ontology);
        var rows = FixtureRows.Load("platform_export");
        await env.ImportAsync(project, rows);
        // The COCO writer spills annotations into this folder; a file in its place makes every write there fail
        // (ENOTDIR, also for root), on either storage backend.
        var spill = env.RunnerOptions.TemporaryFolder!;
        Directory.Delete(spill);
        await File.WriteAllTextAsync(spill, "not a folder");

        var (outcome, failed) = await env.ExportAsync(await env.QueueAsync(project, new ExportRequest { Format = ExportFormats.Coco }));

        Assert.Equal(ExportRunOutcome.Failed, outcome);
        Assert.Equal(ExportJobStatus.Failed, failed.Status);
        Assert.Equal("export failed: the server could not write the export (DirectoryNotFoundException); the server log has the details", failed.Error);
        Assert.DoesNotContain(env.Folder, failed.Error, StringComparison.Ordinal);
        Assert.Null(failed.BlobKey);
        Assert.Empty(env.BlobFiles());
        Assert.Empty(await env.Storage.LabelRows.ListHistoryAsync(project, rows[0].LabelHash!, CancellationToken.None));

        File.Delete(spill);
        Directory.CreateDirectory(spill);
        var (retried, job) = await env.ExportAsync(await env.QueueAsync(project, new ExportRequest { Format = ExportFormats.Coco }));

        Assert.Equal(ExportRunOutcome.Succeeded, retried);
        ExportOracle.AssertSucceeded(job, await env.ReadFileAsync(job), rows.Count);
        Assert.Equal([job.ExportHash], (await env.Storage.LabelRows.ListHistoryAsync(project, rows[0].LabelHash!, CancellationToken.None)).Select(h => h.ExportHash));
    }

    [Fact]
    public async Task Cancelling_mid_export_stops_the_run_and_publishes_nothing()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("platform_export"));
        var rows = FixtureRows.Copies("platform_export", 400);
        await env.ImportAsync(project, rows);
        var queued = await env.QueueAsync(project, new ExportRequest());
        var claimed = await env.ClaimAsync(queued, "worker-a");

        var run = Task.Run(() => env.Runner(EveryRow).RunAsync(claimed, CancellationToken.None));
        var seen = await WaitForProgressAsync(env, queued, run);
        var cancelled = await env.Jobs.CancelAsync(queued.ExportHash, DateTimeOffset.UtcNow, CancellationToken.None);
        var outcome = await run;

        Assert.Equal(ExportRunOutcome.Abandoned, outcome);
        Assert.True(seen.ProgressDone < rows.Count, "the export was not interrupted in the middle");
        Assert.Equal(ExportJobStatus.Cancelled, cancelled!.Status);
        var job = await env.FindAsync(queued);
        Assert.Equal(ExportJobStatus.Cancelled, job.Status);
        Assert.Null(job.BlobKey);
        Assert.Empty(env.BlobFiles());
        Assert.Empty(await env.Storage.LabelRows.ListHistoryAsync(project, rows[0].LabelHash!, CancellationToken.None));
    }

    [Fact]
    public async Task A_worker_whose_lease_was_taken_over_publishes_nothing_and_the_new_owner_finishes()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var ontology = FixtureRows.Ontology("platform_export");
        var project = await env.CreateProjectAsync(ontology);
        var rows = FixtureRows.Copies("platform_export", 400);
        await env.ImportAsync(project, rows);
        var queued = await env.QueueAsync(project, new ExportRequest());
        var first = await env.ClaimAsync(queued, "worker-a");

        var run = Task.Run(() => env.Runner(EveryRow).RunAsync(first, CancellationToken.None));
        await WaitForProgressAsync(env, queued, run);
        // Worker B sees A's lease as expired (its clock is past A's lease) and takes the job over.
        var second = await env.ClaimAsync(queued, "worker-b", DateTimeOffset.UtcNow.AddMinutes(5));
        var outcomeA = await run;
        var keyA = $"exports/{project}/{queued.ExportHash}_{first.Attempts}.json";

        Assert.Equal(ExportRunOutcome.Abandoned, outcomeA);
        Assert.Null(await env.Storage.Blobs.GetLengthAsync(keyA, CancellationToken.None));
        Assert.Empty(env.BlobFiles());
        Assert.Equal(2, second.Attempts);

        var outcomeB = await env.Runner().RunAsync(second, CancellationToken.None);

        Assert.Equal(ExportRunOutcome.Succeeded, outcomeB);
        var job = await env.FindAsync(queued);
        var file = await env.ReadFileAsync(job);
        ExportOracle.AssertSucceeded(job, file, rows.Count);
        Assert.Single(env.BlobFiles());
        ExportOracle.AssertEncordEqualExceptStamp(ExportOracle.Convert(rows, ontology, new ExportRequest()), file, job, env.User.Email);
        foreach (var row in rows.Take(20))
        {
            Assert.Equal([queued.ExportHash], (await env.Storage.LabelRows.ListHistoryAsync(project, row.LabelHash!, CancellationToken.None)).Select(h => h.ExportHash));
        }
    }

    [Fact]
    public async Task A_stopped_run_publishes_nothing_and_leaves_the_job_to_its_caller()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("platform_export"));
        var rows = FixtureRows.Copies("platform_export", 400);
        await env.ImportAsync(project, rows);
        var queued = await env.QueueAsync(project, new ExportRequest { Format = ExportFormats.Coco });
        var claimed = await env.ClaimAsync(queued, "worker-a");
        using var stop = new CancellationTokenSource();

        // On its own thread: with synchronous SQLite and COCO writes, a run may never yield.
        var run = Task.Run(() => env.Runner(EveryRow).RunAsync(claimed, stop.Token));
        await WaitForProgressAsync(env, queued, run);
        await stop.CancelAsync();
        var outcome = await run;

        Assert.Equal(ExportRunOutcome.Stopped, outcome);
        var job = await env.FindAsync(queued);
        Assert.Equal(ExportJobStatus.Running, job.Status);
        Assert.Equal("worker-a", job.LeaseOwner);
        Assert.Null(job.BlobKey);
        Assert.Empty(env.BlobFiles());
        Assert.Empty(Directory.GetFiles(env.RunnerOptions.TemporaryFolder!));
        Assert.True(await env.Jobs.TryRequeueAsync(queued.ExportHash, "worker-a", CancellationToken.None));
        Assert.Empty(await env.Storage.LabelRows.ListHistoryAsync(project, rows[0].LabelHash!, CancellationToken.None));
    }

    /// <summary>Waits until the running job has written some rows (and is not done), and returns the job as seen then.</summary>
    internal static async Task<ExportJobRecord> WaitForProgressAsync(ExportTestEnvironment env, ExportJobRecord queued, Task run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var job = await env.FindAsync(queued);
            if (job.ProgressDone > 0)
            {
                Assert.True(job.ProgressDone < job.ProgressTotal, "the run was already done when progress was first seen");
                return job;
            }
            Assert.False(run.IsCompleted, "the run ended before any progress was seen: " + (run.IsFaulted ? run.Exception!.ToString() : "completed"));
            await Task.Delay(2);
        }
        throw new TimeoutException("no progress within 60 s");
    }
}
