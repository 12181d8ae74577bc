using System.Collections.Concurrent;
using Labelport.Storage.S3;
using Labelport.Tests.Shared;

namespace Labelport.Storage.Tests.Postgres;

/// <summary>
/// The multi-instance back end: every storage opened is a fresh PostgreSQL database on the test server plus a fresh
/// bucket on the test S3 endpoint (moto), so the shared suite runs against PostgreSQL and S3 together.
/// </summary>
public sealed class PostgresStoreFixture : StoreFixture
{
    private readonly ConcurrentBag<PostgresTestDatabase> databases = [];

    public override async Task<LabelportStorage> OpenAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        databases.Add(database);
        var s3 = new S3BlobStoreOptions(
            TestServices.S3Endpoint, "lp-suite-" + Guid.NewGuid().ToString("N")[..20], TestServices.S3AccessKey, TestServices.S3SecretKey, TestServices.S3Region)
        {
            PartSize = S3BlobStoreOptions.MinimumPartSize,
            CreateBucket = true,
        };
        var options = new LabelportStorageOptions(Path.Combine(Path.GetTempPath(), "labelport-unused-" + Guid.NewGuid().ToString("N")))
        {
            PostgresConnectionString = database.ConnectionString,
            S3 = s3,
        };
        return await LabelportStorage.OpenAsync(options, TimeProvider.System, CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }
}
