namespace Labelport.Storage;

/// <summary>A blob being written. Disposing without <see cref="PublishAsync"/> discards it.</summary>
public interface IBlobUpload : IAsyncDisposable
{
    Stream Stream { get; }

    /// <summary>Makes the blob visible under its key, atomically (rename; S3 multipart completion).</summary>
    Task PublishAsync(CancellationToken cancellationToken);
}
