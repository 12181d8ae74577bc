using Labelport.Server.Exports;
using Labelport.Storage.Records;

namespace Labelport.Server.Tests.Exports;

/// <summary>The background worker on the real store: bounded concurrency, wake-up, takeover, attempts, shutdown.</summary>
public sealed class ExportWorkerTests
{
    [Fact]
    public async Task No_more_than_the_configured_number_of_jobs_run_at_once()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("platform_export"));
        await env.ImportAsync(project, FixtureRows.Copies("platform_export", 100));
        var queued = new List<ExportJobRecord>();
        for (var i = 0; i < 5; i++)
        {
            queued.Add(await env.QueueAsync(project, new ExportRequest { Format = i % 2 == 0 ? ExportFormats.Json : ExportFormats.Coco }));
        }
        var options = Options("bounded", o => o.Concurrency = 2);
        using var worker = env.Worker(options);

        await worker.StartAsync(CancellationToken.None);
        var maxRunning = 0;
        var maxInWorker = 0;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        IReadOnlyList<ExportJobRecord> jobs;
        do
        {
            jobs = await env.Jobs.ListAsync(project, CancellationToken.None);
            maxRunning = Math.Max(maxRunning, jobs.Count(j => j.Status == ExportJobStatus.Running));
            maxInWorker = Math.Max(maxInWorker, worker.RunningJobs);
            await Task.Delay(1);
        }
        while (jobs.Any(j => j.Status is ExportJobStatus.Queued or ExportJobStatus.Running) && DateTime.UtcNow < deadline);
        await worker.StopAsync(CancellationToken.None);

        Assert.All(jobs, j => Assert.Equal(ExportJobStatus.Succeeded, j.Status));
        Assert.InRange(maxRunning, 1, 2);
        Assert.InRange(maxInWorker, 1, 2);
        // Two did run side by side at some point (600 rows each, a heartbeat per row): the bound was reached, not just kept.
        Assert.Equal(2, Math.Max(maxRunning, maxInWorker));
    }

    [Fact]
    public async Task A_newly_queued_job_starts_when_signalled_without_waiting_for_the_poll()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("skeleton"));
        await env.ImportAsync(project, FixtureRows.Load("skeleton"));
        var signal = new ExportWorkSignal();
        using var worker = env.Worker(Options("signalled", o => o.PollInterval = TimeSpan.FromMinutes(10)), signal);
        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(200); // the worker found nothing and sleeps for the poll interval

        var queued = await env.QueueAsync(project, new ExportRequest());
        signal.Notify();
        var job = await WaitForStatusAsync(env, queued, ExportJobStatus.Succeeded, TimeSpan.FromSeconds(60));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(1, job.ProgressDone);
    }

    [Fact]
    public async Task At_start_a_job_left_running_by_a_dead_process_is_taken_over_when_its_lease_expired()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var ontology = FixtureRows.Ontology("platform_export");
        var project = await env.CreateProjectAsync(ontology);
        var rows = FixtureRows.Load("platform_export");
        await env.ImportAsync(project, rows);
        var queued = await env.QueueAsync(project, new ExportRequest());
        // The dead process claimed it, its lease ran out a second ago.
        await env.ClaimAsync(queued, "dead-process", DateTimeOffset.UtcNow.AddSeconds(-31));
        using var worker = env.Worker(Options("restarted"));

        await worker.StartAsync(CancellationToken.None);
        var job = await WaitForStatusAsync(env, queued, ExportJobStatus.Succeeded, TimeSpan.FromSeconds(60));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(2, job.Attempts);
        var file = await env.ReadFileAsync(job);
        ExportOracle.AssertSucceeded(job, file, rows.Count);
        ExportOracle.AssertEncordEqualExceptStamp(ExportOracle.Convert(rows, ontology, new ExportRequest()), file, job, env.User.Email);
    }

    [Fact]
    public async Task A_job_still_leased_by_a_live_worker_is_not_taken()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("skeleton"));
        await env.ImportAsync(project, FixtureRows.Load("skeleton"));
        var queued = await env.QueueAsync(project, new ExportRequest());
        await env.ClaimAsync(queued, "live-worker", lease: TimeSpan.FromMinutes(5));
        using var worker = env.Worker(Options("other", o => o.PollInterval = TimeSpan.FromMilliseconds(20)));

        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(500);
        await worker.StopAsync(CancellationToken.None);

        var job = await env.FindAsync(queued);
        Assert.Equal(ExportJobStatus.Running, job.Status);
        Assert.Equal("live-worker", job.LeaseOwner);
        Assert.Equal(1, job.Attempts);
    }

    [Fact]
    public async Task A_job_attempted_the_maximum_number_of_times_is_failed_as_abandoned()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("skeleton"));
        await env.ImportAsync(project, FixtureRows.Load("skeleton"));
        var queued = await env.QueueAsync(project, new ExportRequest());
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // Each of three processes died holding the job (lease already over).
            await env.ClaimAsync(queued, $"dead-{attempt}", DateTimeOffset.UtcNow.AddMinutes(-10 + attempt), TimeSpan.FromSeconds(1));
        }
        using var worker = env.Worker(Options("fourth", o => o.MaxAttempts = 3));

        await worker.StartAsync(CancellationToken.None);
        var job = await WaitForStatusAsync(env, queued, ExportJobStatus.Failed, TimeSpan.FromSeconds(60));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal("abandoned after 3 attempts", job.Error);
        Assert.Null(job.BlobKey);
        Assert.Empty(env.BlobFiles());
    }

    [Fact]
    public async Task On_shutdown_a_job_that_does_not_finish_in_time_is_requeued_and_nothing_is_published()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("platform_export"));
        var rows = FixtureRows.Copies("platform_export", 400);
        await env.ImportAsync(project, rows);
        var queued = await env.QueueAsync(project, new ExportRequest());
        using var worker = env.Worker(Options("stopping"));
        await worker.StartAsync(CancellationToken.None);
        await WaitForProgressAsync(env, queued);

        // The host's shutdown timeout is already over: running jobs must be stopped now.
        await worker.StopAsync(new CancellationToken(canceled: true));

        var job = await env.FindAsync(queued);
        Assert.Equal(ExportJobStatus.Queued, job.Status);
        Assert.Null(job.LeaseOwner);
        Assert.Null(job.BlobKey);
        Assert.Empty(env.BlobFiles());
        Assert.Empty(await env.Storage.LabelRows.ListHistoryAsync(project, rows[0].LabelHash!, CancellationToken.None));
        Assert.Equal(0, worker.RunningJobs);
    }

    [Fact]
    public async Task On_shutdown_a_job_that_finishes_within_the_timeout_completes()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("platform_export"));
        var rows = FixtureRows.Copies("platform_export", 200);
        await env.ImportAsync(project, rows);
        var queued = await env.QueueAsync(project, new ExportRequest());
        var later = await env.QueueAsync(project, new ExportRequest { Format = ExportFormats.Coco }, DateTimeOffset.UtcNow.AddSeconds(1));
        using var worker = env.Worker(Options("graceful", o => o.Concurrency = 1));
        await worker.StartAsync(CancellationToken.None);
        await WaitForProgressAsync(env, queued);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await worker.StopAsync(timeout.Token);

        var job = await env.FindAsync(queued);
        Assert.Equal(ExportJobStatus.Succeeded, job.Status);
        ExportOracle.AssertSucceeded(job, await env.ReadFileAsync(job), rows.Count);
        // Stopping means no new claims.
        Assert.Equal(ExportJobStatus.Queued, (await env.FindAsync(later)).Status);
    }

    private static ExportWorkerOptions Options(string workerId, Action<ExportWorkerOptions>? configure = null)
    {
        var options = new ExportWorkerOptions
        {
            WorkerId = workerId,
            HeartbeatRows = 1,
            PageSize = 50,
            PollInterval = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);
        return options;
    }

    private static async Task<ExportJobRecord> WaitForStatusAsync(ExportTestEnvironment env, ExportJobRecord queued, ExportJobStatus status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var job = await env.FindAsync(queued);
            if (job.Status == status)
            {
                return job;
            }
            await Task.Delay(10);
        }
        var last = await env.FindAsync(queued);
        throw new TimeoutException($"job {queued.ExportHash} is {last.Status} ({last.Error}), not {status}, after {timeout}");
    }

    private static async Task WaitForProgressAsync(ExportTestEnvironment env, ExportJobRecord queued)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var job = await env.FindAsync(queued);
            if (job.ProgressDone > 0 && job.Status == ExportJobStatus.Running)
            {
                return;
            }
            Assert.NotEqual(ExportJobStatus.Succeeded, job.Status);
            await Task.Delay(2);
        }
        throw new TimeoutException("no progress within 60 s");
    }
}
