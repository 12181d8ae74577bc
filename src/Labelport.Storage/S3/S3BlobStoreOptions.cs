namespace Labelport.Storage.S3;

/// <summary>
/// Where an S3-compatible blob store lives. Without <see cref="AccessKey"/>/<see cref="SecretKey"/> the SDK's default
/// credential chain is used (AWS_* variables, profile, instance or task role). <see cref="ServiceUrl"/> is the endpoint (path-style addressing, so any
/// S3-compatible server works: MinIO, Ceph, moto, AWS); <see cref="PartSize"/> is the multipart part size (≥ 5 MiB,
/// S3's minimum for every part but the last), which is also what one upload buffers in memory (twice: one part is
/// sent while the next fills).
/// </summary>
public sealed record S3BlobStoreOptions(Uri ServiceUrl, string Bucket, string? AccessKey, string? SecretKey, string Region)
{
    public const int MinimumPartSize = 5 * 1024 * 1024;

    public int PartSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>Creates the bucket at start when it does not exist (development and tests; production buckets exist).</summary>
    public bool CreateBucket { get; init; }
}
