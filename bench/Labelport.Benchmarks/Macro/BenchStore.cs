using Labelport.Storage;
using Npgsql;

namespace Labelport.Benchmarks.Macro;

/// <summary>
/// Where an export benchmark keeps its project: SQLite in the data folder, or a fresh database on a PostgreSQL server
/// (<c>--postgres</c>, else LABELPORT_TEST_POSTGRES or the settings file of scripts/start-test-services.sh). Blobs stay
/// in the data folder either way, so the two differ only in the database.
/// </summary>
public sealed record BenchStore(string Backend, string DataFolder, string? ConnectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public Task<LabelportStorage> OpenAsync() =>
        LabelportStorage.OpenAsync(new LabelportStorageOptions(DataFolder) { PostgresConnectionString = ConnectionString }, TimeProvider.System, CancellationToken.None);

    /// <summary>An empty store of the backend (a new database for PostgreSQL).</summary>
    public static async Task<BenchStore> CreateAsync(string backend, string dataFolder, string[] args)
    {
        if (backend == Sqlite)
        {
            return new BenchStore(backend, dataFolder, null);
        }
        if (backend != Postgres)
        {
            throw new ArgumentException($"--backends: unknown backend '{backend}' (sqlite, postgres).");
        }
        var server = ConvertMacroBenchmark.Option(args, "--postgres", "") is { Length: > 0 } given ? given : ServerFromEnvironment();
        var name = "lp_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new BenchStore(backend, dataFolder, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>Drops the PostgreSQL database (SQLite: the caller deletes the folder).</summary>
    public async Task DropAsync()
    {
        if (ConnectionString is null)
        {
            return;
        }
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string ServerFromEnvironment()
    {
        if (Environment.GetEnvironmentVariable("LABELPORT_TEST_POSTGRES") is { Length: > 0 } variable)
        {
            return variable;
        }
        var file = Path.Combine(Path.GetTempPath(), "labelport-test-services", "services.env");
        var line = File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith("LABELPORT_TEST_POSTGRES=", StringComparison.Ordinal)) : null;
        return line?["LABELPORT_TEST_POSTGRES=".Length..]
            ?? throw new InvalidOperationException("No PostgreSQL server: pass --postgres CONNECTION or run scripts/start-test-services.sh.");
    }
}
