using System.Collections.Concurrent;
using Labelport.Storage.Postgres;
using Labelport.Storage.Records;
using Npgsql;

namespace Labelport.Storage.Tests.Postgres;

/// <summary>What only a shared PostgreSQL has to get right: several instances migrating, claiming and leasing at once.</summary>
public sealed class PostgresConcurrencyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var opening = Enumerable.Range(0, 6)
            .Select(_ => Task.Run(() => PostgresStores.OpenAsync(database.ConnectionString, TimeProvider.System, None)))
            .ToList();
        var stores = await Task.WhenAll(opening);
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version, count(*) FROM schema_migrations GROUP BY version ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<(int Version, long Count)>();
        while (await reader.ReadAsync())
        {
            versions.Add((reader.GetInt32(0), reader.GetInt64(1)));
        }
        Assert.Equal(PostgresMigrator.Migrations.Select(m => (m.Version, 1L)), versions);
    }

    [Fact]
    public async Task Concurrent_workers_each_claim_a_different_job_and_every_job_once()
    {
        await using var fixture = new AsyncFixture();
        await fixture.InitializeAsync();
        var jobs = fixture.Inner.Stores.ExportJobs;
        var now = PostgresStoresFixture.Start;
        for (var i = 0; i < 40; i++)
        {
            await jobs.CreateAsync(fixture.Inner.Job($"job-{i:D2}", now.AddSeconds(i)), None);
        }
        var claims = new ConcurrentBag<(string Worker, string Job)>();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            while (await jobs.TryClaimAsync($"worker-{w}", now.AddMinutes(1), now.AddMinutes(2), None) is { } job)
            {
                claims.Add(($"worker-{w}", job.ExportHash));
            }
        }));
        await Task.WhenAll(workers);
        Assert.Equal(40, claims.Count);
        Assert.Equal(40, claims.Select(c => c.Job).Distinct().Count());
        foreach (var (worker, hash) in claims)
        {
            var job = await jobs.FindAsync(hash, None);
            Assert.NotNull(job);
            Assert.Equal(ExportJobStatus.Running, job.Status);
            Assert.Equal(1, job.Attempts);
            Assert.Equal(worker, job.LeaseOwner);
        }
    }

    [Fact]
    public async Task A_job_whose_lease_ran_out_is_taken_over_and_the_old_worker_is_shut_out()
    {
        await using var fixture = new AsyncFixture();
        await fixture.InitializeAsync();
        var jobs = fixture.Inner.Stores.ExportJobs;
        var t0 = PostgresStoresFixture.Start;
        await jobs.CreateAsync(fixture.Inner.Job("job-a", t0), None);
        var first = await jobs.TryClaimAsync("instance-a", t0, t0.AddSeconds(30), None);
        Assert.Equal("job-a", first?.ExportHash);
        Assert.True(await jobs.AddExportedRowsAsync("job-a", "instance-a", ["row-from-a"], None));

        Assert.Null(await jobs.TryClaimAsync("instance-b", t0.AddSeconds(29), t0.AddSeconds(59), None));
        var taken = await jobs.TryClaimAsync("instance-b", t0.AddSeconds(31), t0.AddSeconds(61), None);
        Assert.NotNull(taken);
        Assert.Equal(2, taken.Attempts);
        Assert.Equal("instance-b", taken.LeaseOwner);

        Assert.False(await jobs.HeartbeatAsync("job-a", "instance-a", 5, 10, t0.AddSeconds(90), None));
        Assert.False(await jobs.TrySucceedAsync("job-a", "instance-a", "exports/a", 1, "00", t0, t0.AddSeconds(40), None));
        Assert.False(await jobs.TryFailAsync("job-a", "instance-a", "late", t0.AddSeconds(40), None));
        Assert.True(await jobs.HeartbeatAsync("job-a", "instance-b", 1, 1, t0.AddSeconds(90), None));
        Assert.False(await jobs.AddExportedRowsAsync("job-a", "instance-a", ["row-from-a"], None));
        Assert.True(await jobs.AddExportedRowsAsync("job-a", "instance-b", ["row-from-b"], None));
        Assert.True(await jobs.TrySucceedAsync("job-a", "instance-b", "exports/b", 10, "ff", t0.AddSeconds(32), t0.AddSeconds(40), None));

        var done = await jobs.FindAsync("job-a", None);
        Assert.Equal(ExportJobStatus.Succeeded, done?.Status);
        Assert.Equal("exports/b", done?.BlobKey);
        // Only what the attempt that published the file staged becomes history.
        Assert.Empty(await fixture.Inner.Stores.LabelRows.ListHistoryAsync(fixture.Inner.Project.ProjectHash, "row-from-a", None));
        var history = Assert.Single(await fixture.Inner.Stores.LabelRows.ListHistoryAsync(fixture.Inner.Project.ProjectHash, "row-from-b", None));
        Assert.Equal(new ExportHistoryRecord("row-from-b", "job-a", t0.AddSeconds(32), fixture.Inner.User.Email), history);
    }

    [Fact]
    public async Task A_snapshot_keeps_reading_the_rows_as_they_were_while_others_write()
    {
        await using var fixture = new AsyncFixture();
        await fixture.InitializeAsync();
        var rows = fixture.Inner.Stores.LabelRows;
        var originals = Enumerable.Range(0, 250).Select(i => fixture.Inner.Row($"label-{i:D3}", $"title-{i:D3}", json: $"{{\"v\":{i}}}")).ToList();
        await rows.ImportAsync(fixture.Inner.Project.ProjectHash, originals, [], None);
        var query = new LabelRowQuery(fixture.Inner.Project.ProjectHash) { Limit = 100 };

        await using var snapshot = await rows.OpenSnapshotAsync(None);
        Assert.Equal(250, await snapshot.CountAsync(query, None));
        var read = new List<LabelRowRecord>();
        await foreach (var (row, _) in snapshot.ReadAsync(query, None))
        {
            if (read.Count == 50)
            {
                // Another instance edits a row still ahead, adds one, exports one, between the snapshot's pages.
                Assert.True(await rows.UpdateAsync(originals[200] with { Json = "{\"v\":\"edited\"}"u8.ToArray(), LabelStatus = "REVIEWED" }, None));
                await rows.ImportAsync(fixture.Inner.Project.ProjectHash, [fixture.Inner.Row("label-new", "title-150x")], [], None);
            }
            read.Add(row);
        }
        Assert.Equal(originals.Select(r => r.LabelHash), read.Select(r => r.LabelHash));
        Assert.Equal("{\"v\":200}", System.Text.Encoding.UTF8.GetString(read[200].Json));
        Assert.Equal("LABELLED", read[200].LabelStatus);
        Assert.Equal(250, await snapshot.CountAsync(query, None));
        Assert.Equal(251, (await rows.ListAsync(query with { Limit = 1000 }, None)).Count);
    }

    [Fact]
    public async Task Import_by_copy_upserts_and_the_last_duplicate_in_one_import_wins()
    {
        await using var fixture = new AsyncFixture();
        await fixture.InitializeAsync();
        var rows = fixture.Inner.Stores.LabelRows;
        var project = fixture.Inner.Project.ProjectHash;
        await rows.ImportAsync(project, [fixture.Inner.Row("a", "A", json: "{\"n\":1}"), fixture.Inner.Row("b", "B")], [], None);
        var item = new DataItemRecord("data-ext", "dataset-ext", "ext.jpg", "image", false, PostgresStoresFixture.Start,
            [new DataUnitRecord("data-ext", "data-ext", "ext.jpg", "image/jpeg", 640, 480, null, null, 0, 0, null, "https://example.com/ext.jpg")]);
        await rows.ImportAsync(project,
            [fixture.Inner.Row("a", "A", json: "{\"n\":2}"), fixture.Inner.Row("c", "C") with { DatasetHash = "dataset-ext", AnnotationTaskStatus = "QUEUED" }, fixture.Inner.Row("a", "A2", json: "{\"n\":3}")],
            [item, item], None);
        var listed = await rows.ListAsync(new LabelRowQuery(project), None);
        Assert.Equal(["a", "b", "c"], listed.Select(r => r.LabelHash));
        var a = await rows.FindAsync(project, "a", None);
        Assert.Equal("A2", a?.DataTitle);
        Assert.Equal("{\"n\":3}", System.Text.Encoding.UTF8.GetString(a!.Json));
        var c = await rows.FindAsync(project, "c", None);
        Assert.Equal(("dataset-ext", "QUEUED"), (c?.DatasetHash, c?.AnnotationTaskStatus));
        var unit = await fixture.Inner.Stores.Projects.FindDataUnitAsync("data-ext", None);
        Assert.Equal(item.Units[0], unit);
    }

    /// <summary>A per-test fixture (each test here wants a database of its own).</summary>
    private sealed class AsyncFixture : IAsyncDisposable
    {
        public PostgresStoresFixture Inner { get; } = new();

        public Task InitializeAsync() => Inner.InitializeAsync();

        public async ValueTask DisposeAsync() => await Inner.DisposeAsync();
    }
}
