using Labelport.Storage.S3;

namespace Labelport.Storage;

/// <summary>
/// Which back ends <see cref="LabelportStorage.OpenAsync"/> opens. Without a connection string the records live in
/// SQLite (<c>&lt;DataFolder&gt;/labelport.db</c>); without S3 the blobs live in <c>&lt;DataFolder&gt;/blobs/</c>.
/// Several server instances need both PostgreSQL and S3 (or a shared folder): SQLite and a local folder are one machine's.
/// </summary>
public sealed record LabelportStorageOptions(string DataFolder)
{
    /// <summary>An Npgsql connection string (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>), or null for SQLite.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The S3-compatible bucket for media and export files, or null for the data folder.</summary>
    public S3BlobStoreOptions? S3 { get; init; }
}
