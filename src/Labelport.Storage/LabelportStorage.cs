using Labelport.Storage.Files;
using Labelport.Storage.Sqlite;

namespace Labelport.Storage;

/// <summary>
/// Everything the server stores: the four record stores and the blob store, opened together and closed together.
/// <see cref="OpenSqliteAsync"/> is the one-machine setup; other back ends add their own <c>Open…Async</c>.
/// </summary>
public sealed partial class LabelportStorage : IAsyncDisposable
{
    public const string SqliteFileName = "labelport.db";
    public const string BlobFolderName = "blobs";

    private readonly IAsyncDisposable? _resources;

    private LabelportStorage(
        IAccountStore accounts, IProjectStore projects, ILabelRowStore labelRows, IExportJobStore exportJobs, IBlobStore blobs,
        IAsyncDisposable? resources)
    {
        Accounts = accounts;
        Projects = projects;
        LabelRows = labelRows;
        ExportJobs = exportJobs;
        Blobs = blobs;
        _resources = resources;
    }

    public IAccountStore Accounts { get; }

    public IProjectStore Projects { get; }

    public ILabelRowStore LabelRows { get; }

    public IExportJobStore ExportJobs { get; }

    public IBlobStore Blobs { get; }

    /// <summary>Opens (creating when missing) <c>&lt;dataFolder&gt;/labelport.db</c>, migrated, and the blob folder <c>&lt;dataFolder&gt;/blobs/</c>.</summary>
    public static async Task<LabelportStorage> OpenSqliteAsync(string dataFolder, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentNullException.ThrowIfNull(time);
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
                new FileSystemBlobStore(Path.Combine(dataFolder, BlobFolderName)),
                connections);
        }
        catch
        {
            await connections.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _resources?.DisposeAsync() ?? ValueTask.CompletedTask;
}
