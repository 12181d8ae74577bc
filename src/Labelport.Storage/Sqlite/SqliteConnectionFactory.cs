using Microsoft.Data.Sqlite;

namespace Labelport.Storage.Sqlite;

/// <summary>
/// Opens pooled connections to one SQLite database file, each set up the same way: WAL (set once, it is persistent),
/// a busy timeout so writers queue instead of failing, foreign keys enforced, and synchronous=NORMAL (safe in WAL).
/// </summary>
internal sealed class SqliteConnectionFactory : IAsyncDisposable
{
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;

    public SqliteConnectionFactory(string databasePath)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText =
                $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Switches the database to WAL (persistent) and applies pending migrations.</summary>
    public async Task InitializeAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite database {connection.DataSource} could not switch to WAL (journal mode {mode}).");
            }
        }
        await SqliteMigrator.MigrateAsync(connection, time, cancellationToken);
    }

    /// <summary>Closes the pooled connections so the database file is released.</summary>
    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
