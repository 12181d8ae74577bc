namespace Labelport.Storage.Files;

/// <summary>A blob being written to a temporary file; published by an atomic move into place, otherwise deleted.</summary>
internal sealed class FileSystemBlobUpload(FileStream stream, string temporaryPath, string targetPath) : IBlobUpload
{
    private bool _published;
    private bool _disposed;

    public Stream Stream => stream;

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_published)
        {
            throw new InvalidOperationException("The blob was already published.");
        }
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true);
        await stream.DisposeAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        File.Move(temporaryPath, targetPath, overwrite: true);
        _published = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await stream.DisposeAsync();
        if (!_published)
        {
            File.Delete(temporaryPath);
        }
    }
}
