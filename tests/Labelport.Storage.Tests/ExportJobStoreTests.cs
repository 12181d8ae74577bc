using System.Collections.Concurrent;
using Labelport.Storage.Records;

namespace Labelport.Storage.Tests;

public abstract class ExportJobStoreTests(StoreFixture fixture)
{
    private static readonly DateTimeOffset Now = TestData.T0.AddDays(1);

    /// <summary>One whole successful export of <paramref name="labelHashes"/> (create, claim, stage, succeed).</summary>
    internal static async Task<ExportJobRecord> RunExportAsync(
        LabelportStorage storage, string projectHash, UserRecord user, IReadOnlyList<string> labelHashes, DateTimeOffset exportedAt)
    {
        var job = TestData.Job(projectHash, user, exportedAt.AddMinutes(-1));
        await storage.ExportJobs.CreateAsync(job, default);
        var claimed = await storage.ExportJobs.TryClaimAsync("helper", exportedAt, exportedAt.AddMinutes(5), default);
        Assert.Equal(job.ExportHash, claimed?.ExportHash);
        Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "helper", labelHashes, default));
        Assert.True(await storage.ExportJobs.TrySucceedAsync(job.ExportHash, "helper", $"exports/{job.ExportHash}.json", 10, "ab", exportedAt, exportedAt, default));
        return job;
    }

    [Fact]
    public async Task Jobs_are_found_listed_newest_first_and_active_ones_found_by_request_key()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var older = TestData.Job(project.ProjectHash, user, Now, "key-a");
        var newer = TestData.Job(project.ProjectHash, user, Now.AddMinutes(1), "key-b") with { Format = "coco", FileName = "coco.json" };
        await storage.ExportJobs.CreateAsync(older, default);
        await storage.ExportJobs.CreateAsync(newer, default);

        Assert.Equal(older, await storage.ExportJobs.FindAsync(older.ExportHash, default));
        Assert.Null(await storage.ExportJobs.FindAsync(TestData.NewHash(), default));
        Assert.Equal([newer, older], await storage.ExportJobs.ListAsync(project.ProjectHash, default));
        Assert.Empty(await storage.ExportJobs.ListAsync(TestData.NewHash(), default));
        Assert.Equal(newer, await storage.ExportJobs.FindActiveAsync(project.ProjectHash, "key-b", default));
        Assert.Null(await storage.ExportJobs.FindActiveAsync(project.ProjectHash, "key-c", default));

        var claimed = await storage.ExportJobs.TryClaimAsync("w1", Now, Now.AddMinutes(1), default);
        Assert.Equal(older.ExportHash, claimed!.ExportHash);
        Assert.Equal(claimed, await storage.ExportJobs.FindActiveAsync(project.ProjectHash, "key-a", default));
        Assert.True(await storage.ExportJobs.TrySucceedAsync(older.ExportHash, "w1", "exports/a.json", 1, "00", Now, Now, default));
        Assert.Null(await storage.ExportJobs.FindActiveAsync(project.ProjectHash, "key-a", default));
    }

    [Fact]
    public async Task Claim_takes_the_oldest_queued_job_and_leases_it()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var second = TestData.Job(project.ProjectHash, user, Now.AddSeconds(2));
        var first = TestData.Job(project.ProjectHash, user, Now.AddSeconds(1));
        await storage.ExportJobs.CreateAsync(second, default);
        await storage.ExportJobs.CreateAsync(first, default);
        var claimAt = Now.AddMinutes(1);

        var claimed = await storage.ExportJobs.TryClaimAsync("worker-1", claimAt, claimAt.AddSeconds(30), default);

        Assert.Equal(first with
        {
            Status = ExportJobStatus.Running,
            Attempts = 1,
            LeaseOwner = "worker-1",
            LeaseExpiresAt = claimAt.AddSeconds(30),
            StartedAt = claimAt,
        }, claimed);
        Assert.Equal(claimed, await storage.ExportJobs.FindAsync(first.ExportHash, default));
        Assert.Equal(second.ExportHash, (await storage.ExportJobs.TryClaimAsync("worker-2", claimAt, claimAt.AddSeconds(30), default))?.ExportHash);
        Assert.Null(await storage.ExportJobs.TryClaimAsync("worker-3", claimAt, claimAt.AddSeconds(30), default));
    }

    [Fact]
    public async Task Heartbeat_records_progress_only_while_the_worker_holds_a_running_job()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var job = TestData.Job(project.ProjectHash, user, Now);
        await storage.ExportJobs.CreateAsync(job, default);
        Assert.False(await storage.ExportJobs.HeartbeatAsync(job.ExportHash, "w1", 1, 10, Now.AddMinutes(1), default));
        await storage.ExportJobs.TryClaimAsync("w1", Now, Now.AddSeconds(30), default);

        Assert.True(await storage.ExportJobs.HeartbeatAsync(job.ExportHash, "w1", 4, 10, Now.AddSeconds(60), default));
        Assert.False(await storage.ExportJobs.HeartbeatAsync(job.ExportHash, "w2", 9, 10, Now.AddSeconds(90), default));
        var running = await storage.ExportJobs.FindAsync(job.ExportHash, default);
        Assert.Equal((4L, 10L, Now.AddSeconds(60)), (running!.ProgressDone, running.ProgressTotal, running.LeaseExpiresAt));

        await storage.ExportJobs.CancelAsync(job.ExportHash, Now.AddSeconds(5), default);
        Assert.False(await storage.ExportJobs.HeartbeatAsync(job.ExportHash, "w1", 5, 10, Now.AddSeconds(90), default));
        Assert.False(await storage.ExportJobs.HeartbeatAsync(TestData.NewHash(), "w1", 5, 10, Now.AddSeconds(90), default));
    }

    [Fact]
    public async Task A_job_whose_lease_expired_is_taken_over_and_the_first_worker_can_no_longer_finish_it()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var row = TestData.Row(project.ProjectHash, "a.png");
        await storage.LabelRows.ImportAsync(project.ProjectHash, [row], [], default);
        var job = TestData.Job(project.ProjectHash, user, Now);
        await storage.ExportJobs.CreateAsync(job, default);
        await storage.ExportJobs.TryClaimAsync("slow", Now, Now.AddSeconds(30), default);
        Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "slow", [row.LabelHash], default));

        Assert.Null(await storage.ExportJobs.TryClaimAsync("fast", Now.AddSeconds(29), Now.AddSeconds(90), default));
        Assert.Null(await storage.ExportJobs.TryClaimAsync("fast", Now.AddSeconds(30), Now.AddSeconds(90), default));
        var takenOver = await storage.ExportJobs.TryClaimAsync("fast", Now.AddSeconds(31), Now.AddSeconds(91), default);

        Assert.Equal(job.ExportHash, takenOver?.ExportHash);
        Assert.Equal((2, "fast", Now.AddSeconds(91), ExportJobStatus.Running),
            (takenOver!.Attempts, takenOver.LeaseOwner, takenOver.LeaseExpiresAt, takenOver.Status));
        Assert.False(await storage.ExportJobs.HeartbeatAsync(job.ExportHash, "slow", 1, 1, Now.AddSeconds(120), default));
        Assert.False(await storage.ExportJobs.TrySucceedAsync(job.ExportHash, "slow", "exports/x.json", 1, "00", Now, Now, default));
        Assert.False(await storage.ExportJobs.TryFailAsync(job.ExportHash, "slow", "boom", Now, default));
        Assert.False(await storage.ExportJobs.TryRequeueAsync(job.ExportHash, "slow", default));

        // The new attempt writes a new file; what the first attempt staged is not part of it.
        Assert.True(await storage.ExportJobs.TrySucceedAsync(job.ExportHash, "fast", "exports/y.json", 1, "00", Now, Now.AddSeconds(40), default));
        Assert.Empty(await storage.LabelRows.ListHistoryAsync(project.ProjectHash, row.LabelHash, default));
        var done = await storage.ExportJobs.FindAsync(job.ExportHash, default);
        Assert.Equal(("exports/y.json", ExportJobStatus.Succeeded), (done!.BlobKey, done.Status));
    }

    [Fact]
    public async Task A_worker_whose_lease_was_taken_over_cannot_stage_rows_into_the_new_attempt()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var rows = Enumerable.Range(0, 2).Select(i => TestData.Row(project.ProjectHash, $"r{i}")).ToList();
        await storage.LabelRows.ImportAsync(project.ProjectHash, rows, [], default);
        var job = TestData.Job(project.ProjectHash, user, Now);
        await storage.ExportJobs.CreateAsync(job, default);
        Assert.False(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "a", [rows[0].LabelHash], default));
        await storage.ExportJobs.TryClaimAsync("a", Now, Now.AddSeconds(30), default);
        Assert.Equal(job.ExportHash, (await storage.ExportJobs.TryClaimAsync("b", Now.AddSeconds(31), Now.AddSeconds(90), default))?.ExportHash);

        Assert.False(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "a", [rows[0].LabelHash], default));
        Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "b", [rows[1].LabelHash], default));
        Assert.True(await storage.ExportJobs.TrySucceedAsync(job.ExportHash, "b", "exports/b.json", 1, "00", Now, Now.AddSeconds(40), default));

        Assert.Empty(await storage.LabelRows.ListHistoryAsync(project.ProjectHash, rows[0].LabelHash, default));
        Assert.Equal([job.ExportHash], (await storage.LabelRows.ListHistoryAsync(project.ProjectHash, rows[1].LabelHash, default)).Select(h => h.ExportHash));
        Assert.False(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "b", [rows[0].LabelHash], default));
    }

    [Fact]
    public async Task Eight_concurrent_claimers_never_claim_one_of_twenty_jobs_twice()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var jobs = Enumerable.Range(0, 20).Select(i => TestData.Job(project.ProjectHash, user, Now.AddMilliseconds(i))).ToList();
        foreach (var job in jobs)
        {
            await storage.ExportJobs.CreateAsync(job, default);
        }
        var claims = new ConcurrentBag<(string Worker, string ExportHash, int Attempts)>();
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            start.Wait();
            while (await storage.ExportJobs.TryClaimAsync($"w{w}", Now.AddMinutes(1), Now.AddHours(1), default) is { } claimed)
            {
                claims.Add(($"w{w}", claimed.ExportHash, claimed.Attempts));
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(workers);

        Assert.Equal(20, claims.Count);
        Assert.Equal(jobs.Select(j => j.ExportHash).Order(), claims.Select(c => c.ExportHash).Order());
        Assert.All(claims, c => Assert.Equal(1, c.Attempts));
        foreach (var claim in claims)
        {
            Assert.Equal(claim.Worker, (await storage.ExportJobs.FindAsync(claim.ExportHash, default))!.LeaseOwner);
        }
    }

    [Fact]
    public async Task Success_publishes_the_file_and_appends_the_staged_rows_to_their_history_newest_first()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var rows = Enumerable.Range(0, 3).Select(i => TestData.Row(project.ProjectHash, $"r{i}")).ToList();
        await storage.LabelRows.ImportAsync(project.ProjectHash, rows, [], default);
        var first = await RunExportAsync(storage, project.ProjectHash, user, [rows[0].LabelHash, rows[1].LabelHash], Now);

        var job = TestData.Job(project.ProjectHash, user, Now.AddHours(1));
        await storage.ExportJobs.CreateAsync(job, default);
        await storage.ExportJobs.TryClaimAsync("w", Now.AddHours(1), Now.AddHours(2), default);
        Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "w", [rows[1].LabelHash], default));
        Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "w", [rows[1].LabelHash, rows[2].LabelHash], default));
        Assert.Empty(await storage.LabelRows.ListHistoryAsync(project.ProjectHash, rows[2].LabelHash, default));
        var exportedAt = Now.AddHours(1).AddMilliseconds(250);

        Assert.True(await storage.ExportJobs.TrySucceedAsync(job.ExportHash, "w", "exports/second.json", 4096, "c0ffee", exportedAt, exportedAt.AddSeconds(1), default));

        var done = await storage.ExportJobs.FindAsync(job.ExportHash, default);
        Assert.Equal((ExportJobStatus.Succeeded, "exports/second.json", 4096L, "c0ffee", exportedAt.AddSeconds(1)),
            (done!.Status, done.BlobKey, done.Size, done.Sha256, done.FinishedAt));
        Assert.Equal([first.ExportHash], (await storage.LabelRows.ListHistoryAsync(project.ProjectHash, rows[0].LabelHash, default)).Select(h => h.ExportHash));
        Assert.Equal(
            [new ExportHistoryRecord(rows[1].LabelHash, job.ExportHash, exportedAt, user.Email), new ExportHistoryRecord(rows[1].LabelHash, first.ExportHash, Now, user.Email)],
            await storage.LabelRows.ListHistoryAsync(project.ProjectHash, rows[1].LabelHash, default));
        Assert.Equal([job.ExportHash], (await storage.LabelRows.ListHistoryAsync(project.ProjectHash, rows[2].LabelHash, default)).Select(h => h.ExportHash));
        Assert.False(await storage.ExportJobs.TrySucceedAsync(job.ExportHash, "w", "exports/again.json", 1, "00", Now, Now, default));
        Assert.Null(await storage.ExportJobs.TryClaimAsync("w", Now.AddDays(5), Now.AddDays(6), default));
    }

    [Fact]
    public async Task Export_history_belongs_to_the_project_even_when_another_project_holds_the_same_label_hash()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, exported) = await TestData.CreateProjectAsync(storage);
        var other = TestData.Project();
        await storage.Projects.CreateProjectAsync(other, user.UserId, default);
        // Label hashes come from imports: the same Encord export imported into two projects.
        var labelHash = TestData.NewHash();
        await storage.LabelRows.ImportAsync(exported.ProjectHash, [TestData.Row(exported.ProjectHash, "a.png", labelHash: labelHash)], [], default);
        await storage.LabelRows.ImportAsync(other.ProjectHash, [TestData.Row(other.ProjectHash, "a.png", labelHash: labelHash)], [], default);

        var job = await RunExportAsync(storage, exported.ProjectHash, user, [labelHash], Now);

        Assert.Equal([new ExportHistoryRecord(labelHash, job.ExportHash, Now, user.Email)], await storage.LabelRows.ListHistoryAsync(exported.ProjectHash, labelHash, default));
        Assert.Empty(await storage.LabelRows.ListHistoryAsync(other.ProjectHash, labelHash, default));
        await using var snapshot = await storage.LabelRows.OpenSnapshotAsync(default);
        var (otherRow, otherHistory) = Assert.Single(await snapshot.ReadAsync(new LabelRowQuery(other.ProjectHash), default).ToListAsync());
        Assert.Equal((other.ProjectHash, labelHash), (otherRow.ProjectHash, otherRow.LabelHash));
        Assert.Empty(otherHistory);
        var (_, exportedHistory) = Assert.Single(await snapshot.ReadAsync(new LabelRowQuery(exported.ProjectHash), default).ToListAsync());
        Assert.Equal([job.ExportHash], exportedHistory.Select(h => h.ExportHash));
    }

    [Fact]
    public async Task Failure_records_the_reason_and_discards_the_staged_rows()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var row = TestData.Row(project.ProjectHash, "a");
        await storage.LabelRows.ImportAsync(project.ProjectHash, [row], [], default);
        var job = TestData.Job(project.ProjectHash, user, Now);
        await storage.ExportJobs.CreateAsync(job, default);
        await storage.ExportJobs.TryClaimAsync("w", Now, Now.AddMinutes(1), default);
        Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "w", [row.LabelHash], default));

        Assert.False(await storage.ExportJobs.TryFailAsync(job.ExportHash, "other", "nope", Now, default));
        Assert.True(await storage.ExportJobs.TryFailAsync(job.ExportHash, "w", "disk full at $.rows[3]", Now.AddSeconds(3), default));

        var failed = await storage.ExportJobs.FindAsync(job.ExportHash, default);
        Assert.Equal((ExportJobStatus.Failed, "disk full at $.rows[3]", Now.AddSeconds(3), (string?)null),
            (failed!.Status, failed.Error, failed.FinishedAt, failed.BlobKey));
        Assert.False(await storage.ExportJobs.TrySucceedAsync(job.ExportHash, "w", "exports/x.json", 1, "00", Now, Now, default));
        Assert.Empty(await storage.LabelRows.ListHistoryAsync(project.ProjectHash, row.LabelHash, default));
        Assert.Null(await storage.ExportJobs.TryClaimAsync("w", Now.AddDays(1), Now.AddDays(2), default));
        Assert.Null(await storage.ExportJobs.FindActiveAsync(project.ProjectHash, job.RequestKey, default));
    }

    [Fact]
    public async Task Requeue_returns_the_job_to_the_queue_without_its_staged_rows()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var rows = Enumerable.Range(0, 2).Select(i => TestData.Row(project.ProjectHash, $"r{i}")).ToList();
        await storage.LabelRows.ImportAsync(project.ProjectHash, rows, [], default);
        var job = TestData.Job(project.ProjectHash, user, Now);
        await storage.ExportJobs.CreateAsync(job, default);
        await storage.ExportJobs.TryClaimAsync("w1", Now, Now.AddMinutes(1), default);
        await storage.ExportJobs.HeartbeatAsync(job.ExportHash, "w1", 1, 2, Now.AddMinutes(1), default);
        Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "w1", [rows[0].LabelHash], default));

        Assert.False(await storage.ExportJobs.TryRequeueAsync(job.ExportHash, "w2", default));
        Assert.True(await storage.ExportJobs.TryRequeueAsync(job.ExportHash, "w1", default));
        var queued = await storage.ExportJobs.FindAsync(job.ExportHash, default);
        // A re-queue (graceful shutdown) gives the attempt back: restarts must not use up MaxAttempts.
        Assert.Equal((ExportJobStatus.Queued, (string?)null, (DateTimeOffset?)null, 0), (queued!.Status, queued.LeaseOwner, queued.LeaseExpiresAt, queued.Attempts));
        Assert.False(await storage.ExportJobs.HeartbeatAsync(job.ExportHash, "w1", 2, 2, Now.AddMinutes(2), default));

        var again = await storage.ExportJobs.TryClaimAsync("w2", Now.AddSeconds(10), Now.AddMinutes(2), default);
        Assert.Equal((job.ExportHash, 1), (again!.ExportHash, again.Attempts));
        Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "w2", [rows[1].LabelHash], default));
        Assert.True(await storage.ExportJobs.TrySucceedAsync(job.ExportHash, "w2", "exports/j.json", 1, "00", Now, Now, default));
        Assert.Empty(await storage.LabelRows.ListHistoryAsync(project.ProjectHash, rows[0].LabelHash, default));
        Assert.Single(await storage.LabelRows.ListHistoryAsync(project.ProjectHash, rows[1].LabelHash, default));
    }

    [Fact]
    public async Task Cancel_stops_queued_and_running_jobs_and_leaves_finished_ones_alone()
    {
        await using var storage = await fixture.OpenAsync();
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var running = TestData.Job(project.ProjectHash, user, Now);
        var queued = TestData.Job(project.ProjectHash, user, Now.AddSeconds(1));
        await storage.ExportJobs.CreateAsync(running, default);
        await storage.ExportJobs.CreateAsync(queued, default);
        await storage.ExportJobs.TryClaimAsync("w", Now, Now.AddMinutes(1), default);

        var cancelledQueued = await storage.ExportJobs.CancelAsync(queued.ExportHash, Now.AddSeconds(5), default);
        Assert.Equal((ExportJobStatus.Cancelled, Now.AddSeconds(5)), (cancelledQueued!.Status, cancelledQueued.FinishedAt));
        Assert.Null(await storage.ExportJobs.TryClaimAsync("w2", Now.AddSeconds(6), Now.AddMinutes(1), default));

        var cancelledRunning = await storage.ExportJobs.CancelAsync(running.ExportHash, Now.AddSeconds(7), default);
        Assert.Equal(ExportJobStatus.Cancelled, cancelledRunning!.Status);
        Assert.False(await storage.ExportJobs.TrySucceedAsync(running.ExportHash, "w", "exports/x.json", 1, "00", Now, Now, default));
        Assert.Equal(ExportJobStatus.Cancelled, (await storage.ExportJobs.FindAsync(running.ExportHash, default))!.Status);
        Assert.Null(await storage.ExportJobs.TryClaimAsync("w2", Now.AddDays(1), Now.AddDays(2), default));

        var again = await storage.ExportJobs.CancelAsync(running.ExportHash, Now.AddSeconds(20), default);
        Assert.Equal(Now.AddSeconds(7), again!.FinishedAt);
        Assert.Null(await storage.ExportJobs.CancelAsync(TestData.NewHash(), Now, default));

        var succeeded = await RunExportAsync(storage, project.ProjectHash, user, [], Now.AddHours(1));
        var untouched = await storage.ExportJobs.CancelAsync(succeeded.ExportHash, Now.AddHours(2), default);
        Assert.Equal((ExportJobStatus.Succeeded, Now.AddHours(1)), (untouched!.Status, untouched.FinishedAt));
    }
}
