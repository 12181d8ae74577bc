namespace Labelport.Cli.Commands;

/// <summary>
/// An output file that appears only when complete: written to a temporary file beside the target and renamed over
/// it on <see cref="Commit"/>; disposed without a commit, the temporary file is deleted and the target is untouched.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private bool _committed;

    private AtomicFile(string target, string temporary, FileStream stream)
    {
        _target = target;
        _temporary = temporary;
        Stream = stream;
    }

    public FileStream Stream { get; }

    public static bool TryCreate(string target, out AtomicFile file, out string error)
    {
        file = null!;
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full))
        {
            error = target + ": is a directory; give a file name for the output";
            return false;
        }
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            error = target + ": the folder " + folder + " does not exist";
            return false;
        }
        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            file = new AtomicFile(full, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
            error = string.Empty;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = target + ": cannot be written (" + e.Message + ")";
            return false;
        }
    }

    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temporary, _target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Stream.Dispose();
            File.Delete(_temporary);
        }
    }
}
