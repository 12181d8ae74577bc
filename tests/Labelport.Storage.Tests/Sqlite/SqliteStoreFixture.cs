namespace Labelport.Storage.Tests.Sqlite;

/// <summary>SQLite files in a temporary folder per test class; one sub-folder (database + blobs) per storage opened.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    private int _opened;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "labelport-storage-tests-" + Guid.NewGuid().ToString("N"));

    public override Task<LabelportStorage> OpenAsync()
    {
        var folder = Path.Combine(Root, Interlocked.Increment(ref _opened).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return LabelportStorage.OpenSqliteAsync(folder, TimeProvider.System, CancellationToken.None);
    }

    public override Task DisposeAsync()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
        return Task.CompletedTask;
    }
}
