using Npgsql;

namespace Labelport.Storage.Postgres;

/// <summary>
/// The four PostgreSQL stores over one pooled <see cref="NpgsqlDataSource"/>. Opening applies pending migrations
/// (under the advisory lock, so several instances may start at once).
/// </summary>
internal sealed class PostgresStores : IAsyncDisposable
{
    private readonly NpgsqlDataSource database;

    private PostgresStores(NpgsqlDataSource database)
    {
        this.database = database;
        Accounts = new PostgresAccountStore(database);
        Projects = new PostgresProjectStore(database);
        LabelRows = new PostgresLabelRowStore(database);
        ExportJobs = new PostgresExportJobStore(database);
    }

    public IAccountStore Accounts { get; }

    public IProjectStore Projects { get; }

    public ILabelRowStore LabelRows { get; }

    public IExportJobStore ExportJobs { get; }

    public static async Task<PostgresStores> OpenAsync(string connectionString, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {e.Message}", nameof(connectionString), e);
        }
        builder.ApplicationName ??= "labelport";
        var database = NpgsqlDataSource.Create(builder.ConnectionString);
        try
        {
            await using (var connection = await database.OpenConnectionAsync(cancellationToken))
            {
                await PostgresMigrator.MigrateAsync(connection, time, cancellationToken);
            }
            return new PostgresStores(database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
