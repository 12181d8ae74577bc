namespace Labelport.Storage.Files;

/// <summary>
/// Blobs as files under one root folder. Uploads are written to <c>&lt;root&gt;/.tmp/</c> and renamed into place on
/// publish (a rename within one file system is atomic), so a reader sees a whole file or none.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const string TemporaryFolderName = ".tmp";
    private const int BufferSize = 81920;

    private readonly string _root;
    private readonly string _temporaryFolder;

    public FileSystemBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        _temporaryFolder = Path.Combine(_root, TemporaryFolderName);
        Directory.CreateDirectory(_temporaryFolder);
    }

    public Task<IBlobUpload> BeginUploadAsync(string key, string contentType, CancellationToken cancellationToken)
    {
        var target = ResolvePath(key);
        cancellationToken.ThrowIfCancellationRequested();
        var temporaryPath = Path.Combine(_temporaryFolder, Guid.NewGuid().ToString("N") + ".part");
        var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        return Task.FromResult<IBlobUpload>(new FileSystemBlobUpload(stream, temporaryPath, target));
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = ResolvePath(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (Directory.Exists(path))
        {
            return Task.FromResult<Stream?>(null);
        }
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<long?> GetLengthAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(ResolvePath(key));
        return Task.FromResult<long?>(file.Exists ? file.Length : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = ResolvePath(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }

    public Uri? TryGetPresignedUrl(string key, TimeSpan timeToLive, string? downloadFileName = null)
    {
        ResolvePath(key);
        return null;
    }

    /// <summary>
    /// The file of a key: only <c>[a-z0-9._-]</c> segments joined by <c>/</c>, none empty, none starting with a dot
    /// (no <c>..</c>, no <c>.tmp</c>), and the full path must lie under the root.
    /// </summary>
    internal string ResolvePath(string key)
    {
        if (!BlobKeys.IsValid(key))
        {
            throw new ArgumentException($"Blob key \"{key}\" is not valid: use lower-case [a-z0-9._-] segments separated by '/', none empty or starting with '.'.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob key \"{key}\" resolves outside the blob folder.", nameof(key));
        }
        return path;
    }
}
