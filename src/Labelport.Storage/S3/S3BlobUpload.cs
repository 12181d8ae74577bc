namespace Labelport.Storage.S3;

/// <summary>An S3 blob being written: published by completing the multipart upload (or the single PUT).</summary>
internal sealed class S3BlobUpload(S3UploadStream stream) : IBlobUpload
{
    public Stream Stream => stream;

    public Task PublishAsync(CancellationToken cancellationToken) => stream.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
