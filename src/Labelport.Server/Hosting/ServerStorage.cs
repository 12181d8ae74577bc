using System.Data.Common;
using System.Net.Sockets;
using Amazon.Runtime;
using Labelport.Storage;

namespace Labelport.Server.Hosting;

/// <summary>
/// Opens the storage the server options name: PostgreSQL (<see cref="LabelportServerOptions.Database"/>) or SQLite in
/// the data folder, and S3 (<see cref="LabelportServerOptions.S3"/>) or the data folder for blobs. A back end that
/// cannot be reached or refuses the credentials is a <see cref="ServerConfigurationException"/> naming it.
/// </summary>
public static class ServerStorage
{
    public static async Task<LabelportStorage> OpenAsync(LabelportServerOptions options, string dataFolder, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PresignDownloads && options.S3 is null)
        {
            throw new ServerConfigurationException("LABELPORT_S3_PRESIGN_DOWNLOADS needs S3 storage (LABELPORT_S3_ENDPOINT and LABELPORT_S3_BUCKET).");
        }
        var storageOptions = new LabelportStorageOptions(dataFolder) { PostgresConnectionString = options.Database, S3 = options.S3 };
        try
        {
            return await LabelportStorage.OpenAsync(storageOptions, time, cancellationToken);
        }
        catch (Exception e) when (e is DbException or ArgumentException or SocketException or TimeoutException && options.Database is not null)
        {
            throw new ServerConfigurationException("Could not open the PostgreSQL database (LABELPORT_DATABASE / --database): " + e.Message, e);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or InvalidOperationException && options.S3 is not null)
        {
            throw new ServerConfigurationException($"Could not open the S3 bucket '{options.S3.Bucket}' at {options.S3.ServiceUrl}: " + e.Message, e);
        }
    }

    /// <summary>One line for the start-up announcement: where records and files live (no secrets).</summary>
    public static string Describe(LabelportServerOptions options, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        var records = options.Database is null ? "SQLite in " + dataFolder : "PostgreSQL";
        var blobs = options.S3 is { } s3 ? $"S3 bucket '{s3.Bucket}' at {s3.ServiceUrl}" : "files in " + dataFolder;
        return $"Storage: records in {records}; media and exports in {blobs}.";
    }
}
