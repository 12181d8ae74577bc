using System.Collections.Concurrent;
using Labelport.Storage;
using Labelport.Storage.S3;
using Labelport.Tests.Shared;
using Npgsql;

namespace Labelport.Server.Tests;

/// <summary>
/// The storage the server tests run on. Labelport.Server.Tests: SQLite and blobs in the data folder.
/// Labelport.Server.Postgres.Tests (the same sources built with <c>LABELPORT_POSTGRES</c>): a fresh database on the
/// test PostgreSQL server and a fresh bucket on the test S3 endpoint per server or store, dropped when released.
/// </summary>
internal static class TestBackend
{
    private static readonly ConcurrentDictionary<string, string> DatabasesByFolder = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, S3BlobStoreOptions> BucketsByFolder = new(StringComparer.Ordinal);

#if LABELPORT_POSTGRES
    public static bool IsPostgres { get; } = true;
#else
    public static bool IsPostgres { get; }
#endif

    /// <summary>The server options on this backend (unchanged for SQLite).</summary>
    public static async Task<LabelportServerOptions> ApplyAsync(LabelportServerOptions options)
    {
        if (!IsPostgres)
        {
            return options;
        }
        var (connectionString, s3) = await CreateAsync(options.DataFolder);
        return options with { Database = connectionString, S3 = s3 };
    }

    /// <summary>A store of its own in <paramref name="folder"/> (SQLite) or on a fresh database and bucket.</summary>
    public static async Task<LabelportStorage> OpenStorageAsync(string folder)
    {
        if (!IsPostgres)
        {
            return await LabelportStorage.OpenSqliteAsync(folder, TimeProvider.System, CancellationToken.None);
        }
        var (connectionString, s3) = await CreateAsync(folder);
        return await LabelportStorage.OpenAsync(new LabelportStorageOptions(folder) { PostgresConnectionString = connectionString, S3 = s3 }, TimeProvider.System, CancellationToken.None);
    }

    /// <summary>Drops what <see cref="ApplyAsync"/> or <see cref="OpenStorageAsync"/> made for <paramref name="folder"/> (after its storage is closed).</summary>
    public static async Task ReleaseAsync(string folder)
    {
        BucketsByFolder.TryRemove(folder, out _);
        if (!DatabasesByFolder.TryRemove(folder, out var database))
        {
            return;
        }
        await using var admin = new NpgsqlConnection(TestServices.PostgresConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The published objects in the bucket made for <paramref name="folder"/>, as relative keys in order.</summary>
    public static IReadOnlyList<string> ListPublishedBlobs(string folder)
    {
        var s3 = BucketsByFolder[folder];
        using var client = new Amazon.S3.AmazonS3Client(
            new Amazon.Runtime.BasicAWSCredentials(s3.AccessKey, s3.SecretKey),
            new Amazon.S3.AmazonS3Config { ServiceURL = s3.ServiceUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = s3.Region });
        var listing = client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = s3.Bucket }).GetAwaiter().GetResult();
        return [.. (listing.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal)];
    }

    private static async Task<(string ConnectionString, S3BlobStoreOptions S3)> CreateAsync(string folder)
    {
        var database = "lp_server_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(TestServices.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8'", admin);
            await create.ExecuteNonQueryAsync();
        }
        DatabasesByFolder[folder] = database;
        var s3 = new S3BlobStoreOptions(TestServices.S3Endpoint, "lp-server-" + Guid.NewGuid().ToString("N")[..16], TestServices.S3AccessKey, TestServices.S3SecretKey, TestServices.S3Region);
        using (await S3BlobStore.OpenAsync(s3 with { CreateBucket = true }, TimeProvider.System, CancellationToken.None))
        {
            // Created; the server opens it again as configured.
        }
        BucketsByFolder[folder] = s3;
        return (new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString) { Database = database }.ConnectionString, s3);
    }
}
