using Labelport.Storage.Files;
using Labelport.Storage.Postgres;
using Labelport.Storage.S3;
using Labelport.Storage.Sqlite;

namespace Labelport.Storage;

/// <summary>The PostgreSQL back end, and the one place that picks back ends from <see cref="LabelportStorageOptions"/>.</summary>
public sealed partial class LabelportStorage
{
    /// <summary>
    /// Opens the back ends the options name: PostgreSQL or SQLite for records, S3 or the data folder for blobs.
    /// The returned storage owns (and disposes) everything it opened.
    /// </summary>
    public static async Task<LabelportStorage> OpenAsync(LabelportStorageOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.PostgresConnectionString is null && options.S3 is null)
        {
            return await OpenSqliteAsync(options.DataFolder, time, cancellationToken);
        }
        var blobs = await OpenBlobsAsync(options, time, cancellationToken);
        try
        {
            return options.PostgresConnectionString is { } connectionString
                ? await OpenPostgresAsync(connectionString, blobs, time, cancellationToken)
                : await OpenSqliteWithBlobsAsync(options.DataFolder, blobs, time, cancellationToken);
        }
        catch
        {
            (blobs as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the PostgreSQL stores (applying pending migrations under an advisory lock, so instances may start
    /// together) over <paramref name="blobs"/>, which the storage then owns.
    /// </summary>
    public static async Task<LabelportStorage> OpenPostgresAsync(string connectionString, IBlobStore blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(time);
        var stores = await PostgresStores.OpenAsync(connectionString, time, cancellationToken);
        return new LabelportStorage(stores.Accounts, stores.Projects, stores.LabelRows, stores.ExportJobs, blobs, new OwnedResources(stores, blobs));
    }

    private static async Task<IBlobStore> OpenBlobsAsync(LabelportStorageOptions options, TimeProvider time, CancellationToken cancellationToken) =>
        options.S3 is { } s3
            ? await S3BlobStore.OpenAsync(s3, time, cancellationToken)
            : new FileSystemBlobStore(Path.Combine(options.DataFolder, BlobFolderName));

    private static async Task<LabelportStorage> OpenSqliteWithBlobsAsync(string dataFolder, IBlobStore blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        Directory.CreateDirectory(dataFolder);
        var connections = new SqliteConnectionFactory(Path.Combine(dataFolder, SqliteFileName));
        try
        {
            await connections.InitializeAsync(time, cancellationToken);
            return new LabelportStorage(
                new SqliteAccountStore(connections),
                new SqliteProjectStore(connections),
                new SqliteLabelRowStore(connections),
                new SqliteExportJobStore(connections),
                blobs,
                new OwnedResources(connections, blobs));
        }
        catch
        {
            await connections.DisposeAsync();
            throw;
        }
    }

    /// <summary>Disposes the record stores, then the blob store when it holds anything (an S3 client).</summary>
    private sealed class OwnedResources(IAsyncDisposable records, IBlobStore blobs) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await records.DisposeAsync();
            switch (blobs)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
