using Labelport.Storage.Files;
using Labelport.Storage.S3;
using Labelport.Tests.Shared;

namespace Labelport.Storage.Tests.Postgres;

/// <summary><see cref="LabelportStorage.OpenAsync"/> opens exactly the back ends the options name.</summary>
public sealed class BackendSelectionTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "labelport-backends-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task No_connection_string_and_no_s3_is_sqlite_and_the_data_folder()
    {
        await using var storage = await LabelportStorage.OpenAsync(new LabelportStorageOptions(folder), TimeProvider.System, None);
        Assert.IsType<FileSystemBlobStore>(storage.Blobs);
        Assert.True(File.Exists(Path.Combine(folder, LabelportStorage.SqliteFileName)));
    }

    [Fact]
    public async Task A_connection_string_is_postgres_with_blobs_in_the_data_folder()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var options = new LabelportStorageOptions(folder) { PostgresConnectionString = database.ConnectionString };
        await using (var storage = await LabelportStorage.OpenAsync(options, TimeProvider.System, None))
        {
            Assert.IsType<FileSystemBlobStore>(storage.Blobs);
            Assert.True(await storage.Accounts.TryCreateUserAsync(TestData.User(), None));
            Assert.False(File.Exists(Path.Combine(folder, LabelportStorage.SqliteFileName)));
        }
        await using var reopened = await LabelportStorage.OpenAsync(options, TimeProvider.System, None);
        Assert.Single(await reopened.Accounts.ListUsersAsync(None));
    }

    [Fact]
    public async Task S3_without_a_connection_string_is_sqlite_with_blobs_in_the_bucket()
    {
        var options = new LabelportStorageOptions(folder)
        {
            S3 = new S3BlobStoreOptions(TestServices.S3Endpoint, "lp-select-" + Guid.NewGuid().ToString("N")[..16], TestServices.S3AccessKey, TestServices.S3SecretKey, TestServices.S3Region)
            {
                CreateBucket = true,
            },
        };
        await using var storage = await LabelportStorage.OpenAsync(options, TimeProvider.System, None);
        Assert.IsType<S3BlobStore>(storage.Blobs);
        Assert.True(File.Exists(Path.Combine(folder, LabelportStorage.SqliteFileName)));
        Assert.NotNull(storage.Blobs.TryGetPresignedUrl("media/x", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_malformed_connection_string_is_named_as_such()
    {
        var options = new LabelportStorageOptions(folder) { PostgresConnectionString = "Host=127.0.0.1;Frobnicate=yes" };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => LabelportStorage.OpenAsync(options, TimeProvider.System, None));
        Assert.Contains("PostgreSQL connection string", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
