using Labelport.Storage;
using Labelport.Storage.S3;
using Labelport.Tests.Shared;
using Npgsql;

namespace Labelport.Deployment.Tests;

/// <summary>
/// What several instances share: a fresh database on the test PostgreSQL server and a fresh bucket on the test S3
/// endpoint (moto), the <c>LABELPORT_*</c> variables that point an instance at them, and a storage opened on them for
/// the test to look at jobs from outside the servers. Everything is dropped when disposed.
/// </summary>
internal sealed class SharedBackend : IAsyncDisposable
{
    private readonly string databaseName;

    private SharedBackend(string databaseName, string connectionString, S3BlobStoreOptions s3, LabelportStorage storage, string root)
    {
        this.databaseName = databaseName;
        ConnectionString = connectionString;
        S3 = s3;
        Storage = storage;
        Root = root;
    }

    public string ConnectionString { get; }

    public S3BlobStoreOptions S3 { get; }

    /// <summary>The same database and bucket the servers use.</summary>
    public LabelportStorage Storage { get; }

    /// <summary>A temp folder for the instances' data folders.</summary>
    public string Root { get; }

    public static async Task<SharedBackend> CreateAsync()
    {
        var name = "lp_deploy_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(TestServices.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = name }.ConnectionString;
        var s3 = new S3BlobStoreOptions(TestServices.S3Endpoint, "lp-deploy-" + Guid.NewGuid().ToString("N")[..16], TestServices.S3AccessKey, TestServices.S3SecretKey, TestServices.S3Region);
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "labelport-deploy-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        var blobs = await S3BlobStore.OpenAsync(s3 with { CreateBucket = true }, TimeProvider.System, CancellationToken.None);
        var storage = await LabelportStorage.OpenPostgresAsync(connectionString, blobs, TimeProvider.System, CancellationToken.None);
        return new SharedBackend(name, connectionString, s3, storage, root);
    }

    /// <summary>The variables of docs/deploy.md for one instance on this database and bucket.</summary>
    public Dictionary<string, string> Environment(bool presignDownloads = false, int leaseSeconds = 3) => new()
    {
        ["LABELPORT_DATABASE"] = ConnectionString,
        ["LABELPORT_S3_ENDPOINT"] = S3.ServiceUrl.ToString(),
        ["LABELPORT_S3_BUCKET"] = S3.Bucket,
        ["LABELPORT_S3_ACCESS_KEY"] = S3.AccessKey!,
        ["LABELPORT_S3_SECRET_KEY"] = S3.SecretKey!,
        ["LABELPORT_S3_REGION"] = S3.Region,
        ["LABELPORT_S3_PRESIGN_DOWNLOADS"] = presignDownloads ? "true" : "false",
        ["LABELPORT_EXPORT_LEASE_SECONDS"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public string DataFolder(string instance) => Path.Combine(Root, instance);

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        await using (var admin = new NpgsqlConnection(TestServices.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(Root, recursive: true);
    }
}
