using Labelport.Storage.Records;
using Labelport.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Labelport.Storage.Tests.Sqlite;

/// <summary>What only the SQLite back end has: the file, its pragmas, migrations, raw staging rows, query plans.</summary>
public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "labelport-sqlite-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Opening_creates_the_database_in_wal_mode_and_the_blob_folder()
    {
        await using var storage = await LabelportStorage.OpenSqliteAsync(_folder, TimeProvider.System, default);

        Assert.True(File.Exists(Path.Combine(_folder, "labelport.db")));
        Assert.True(Directory.Exists(Path.Combine(_folder, "blobs")));
        await using var connection = await OpenRawAsync();
        Assert.Equal("wal", await ScalarAsync<string>(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Every_connection_enforces_foreign_keys_waits_when_busy_and_syncs_normally()
    {
        await using var storage = await LabelportStorage.OpenSqliteAsync(_folder, TimeProvider.System, default);
        await using var factory = new SqliteConnectionFactory(DatabasePath);

        for (var i = 0; i < 3; i++)
        {
            await using var connection = await factory.OpenAsync(default);
            Assert.Equal(1L, await ScalarAsync<long>(connection, "PRAGMA foreign_keys"));
            Assert.Equal(10_000L, await ScalarAsync<long>(connection, "PRAGMA busy_timeout"));
            Assert.Equal(1L, await ScalarAsync<long>(connection, "PRAGMA synchronous"));
        }
        await Assert.ThrowsAnyAsync<SqliteException>(() => storage.Projects.SetMemberAsync(TestData.NewHash(), TestData.NewHash(), ProjectRole.Admin, default));
    }

    [Fact]
    public async Task Migrations_are_recorded_once_and_reopening_keeps_the_data()
    {
        var time = new FixedTime(TestData.T0);
        UserRecord user;
        await using (var storage = await LabelportStorage.OpenSqliteAsync(_folder, time, default))
        {
            user = await TestData.CreateUserAsync(storage);
        }
        await using (var reopened = await LabelportStorage.OpenSqliteAsync(_folder, new FixedTime(TestData.T0.AddDays(1)), default))
        {
            Assert.Equal(user, await reopened.Accounts.FindUserByIdAsync(user.UserId, default));
        }

        await using var connection = await OpenRawAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version";
        using var reader = await command.ExecuteReaderAsync();
        var applied = new List<(long, string, long)>();
        while (await reader.ReadAsync())
        {
            applied.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }
        Assert.Equal(SqliteMigrator.Migrations.Select(m => ((long)m.Version, m.Name, TestData.T0.ToUnixTimeMilliseconds())), applied);
        Assert.Equal(1, SqliteMigrator.Migrations[0].Version);
    }

    [Fact]
    public async Task Several_processes_opening_a_new_database_at_once_migrate_it_once()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => LabelportStorage.OpenSqliteAsync(_folder, TimeProvider.System, default))));

        try
        {
            var user = await TestData.CreateUserAsync(opened[0]);
            Assert.All(await Task.WhenAll(opened.Select(s => s.Accounts.FindUserByIdAsync(user.UserId, default))), found => Assert.Equal(user, found));
            await using var connection = await OpenRawAsync();
            Assert.Equal((long)SqliteMigrator.Migrations.Count, await ScalarAsync<long>(connection, "SELECT count(*) FROM schema_migrations"));
            Assert.Equal("wal", await ScalarAsync<string>(connection, "PRAGMA journal_mode"));
        }
        finally
        {
            foreach (var storage in opened)
            {
                await storage.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Failing_requeueing_and_cancelling_leave_no_staged_rows_behind()
    {
        await using var storage = await LabelportStorage.OpenSqliteAsync(_folder, TimeProvider.System, default);
        var (user, project) = await TestData.CreateProjectAsync(storage);
        var now = TestData.T0;
        var failed = TestData.Job(project.ProjectHash, user, now);
        var requeued = TestData.Job(project.ProjectHash, user, now.AddSeconds(1));
        var cancelled = TestData.Job(project.ProjectHash, user, now.AddSeconds(2));
        foreach (var job in new[] { failed, requeued, cancelled })
        {
            await storage.ExportJobs.CreateAsync(job, default);
            await storage.ExportJobs.TryClaimAsync("w", now, now.AddMinutes(1), default);
            Assert.True(await storage.ExportJobs.AddExportedRowsAsync(job.ExportHash, "w", ["l1", "l2", "l3"], default));
        }
        Assert.Equal(9L, await StagedRowsAsync());

        Assert.True(await storage.ExportJobs.TryFailAsync(failed.ExportHash, "w", "boom", now, default));
        Assert.Equal(6L, await StagedRowsAsync());
        Assert.True(await storage.ExportJobs.TryRequeueAsync(requeued.ExportHash, "w", default));
        Assert.Equal(3L, await StagedRowsAsync());
        await storage.ExportJobs.CancelAsync(cancelled.ExportHash, now, default);
        Assert.Equal(0L, await StagedRowsAsync());
    }

    [Fact]
    public async Task Two_storages_on_one_database_like_two_processes_never_claim_a_job_twice()
    {
        await using var first = await LabelportStorage.OpenSqliteAsync(_folder, TimeProvider.System, default);
        await using var second = await LabelportStorage.OpenSqliteAsync(_folder, TimeProvider.System, default);
        var (user, project) = await TestData.CreateProjectAsync(first);
        for (var i = 0; i < 30; i++)
        {
            await first.ExportJobs.CreateAsync(TestData.Job(project.ProjectHash, user, TestData.T0.AddMilliseconds(i)), default);
        }
        var claimed = new System.Collections.Concurrent.ConcurrentBag<string>();

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var jobs = (w % 2 == 0 ? first : second).ExportJobs;
            while (await jobs.TryClaimAsync($"w{w}", TestData.T0.AddHours(1), TestData.T0.AddHours(2), default) is { } job)
            {
                claimed.Add(job.ExportHash);
            }
        }));
        await Task.WhenAll(workers);

        Assert.Equal(30, claimed.Count);
        Assert.Equal(30, claimed.Distinct().Count());
    }

    [Fact]
    public async Task Listing_a_page_walks_the_title_index_without_sorting()
    {
        await using var storage = await LabelportStorage.OpenSqliteAsync(_folder, TimeProvider.System, default);
        await using var factory = new SqliteConnectionFactory(DatabasePath);
        await using var connection = await factory.OpenAsync(default);
        var query = new LabelRowQuery("p") { After = ("title", "hash"), EditedAfter = TestData.T0 };

        using var page = SqliteLabelRows.PageCommand(connection, null, query, withJson: true);
        page.CommandText = "EXPLAIN QUERY PLAN " + page.CommandText;
        var plan = new List<string>();
        using (var reader = await page.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("label_rows_by_title", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private string DatabasePath => Path.Combine(_folder, "labelport.db");

    private async Task<long> StagedRowsAsync()
    {
        await using var connection = await OpenRawAsync();
        return await ScalarAsync<long>(connection, "SELECT count(*) FROM export_job_rows");
    }

    private async Task<SqliteConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
