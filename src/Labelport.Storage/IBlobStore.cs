namespace Labelport.Storage;

/// <summary>
/// Media and export files (file system and S3-compatible implementations). Keys are store-generated relative paths
/// (<c>media/…</c>, <c>exports/…</c>), never taken from a request. A blob is visible under its key only once
/// <see cref="IBlobUpload.PublishAsync"/> has completed: nothing half-written is ever readable.
/// </summary>
public interface IBlobStore
{
    /// <summary>Starts writing a blob; the returned upload's stream is written, then published or disposed (discarded).</summary>
    Task<IBlobUpload> BeginUploadAsync(string key, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens a published blob for reading (seekable when the store allows, for Range requests), or null.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<long?> GetLengthAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A time-limited direct GET URL (S3 presigned), or null when the store has none (file system) or cannot sign for
    /// that long (S3: SigV4 presigned URLs live at most 7 days, <see cref="S3.S3BlobStore.MaxPresignedTimeToLive"/>);
    /// on null the caller falls back to the server's own signed link. With <paramref name="downloadFileName"/> the
    /// response is an attachment of that name (for export downloads).
    /// </summary>
    Uri? TryGetPresignedUrl(string key, TimeSpan timeToLive, string? downloadFileName = null);
}
