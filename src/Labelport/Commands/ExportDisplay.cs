using System.Globalization;
using Labelport.Client;
using Spectre.Console;

namespace Labelport.Cli.Commands;

/// <summary>
/// What <c>labelport export</c> shows while it works: on a terminal a Spectre.Console progress bar for the job's rows
/// and one for the download's bytes; otherwise plain lines on standard error (one per change of the job's progress,
/// one per tenth of the download), so logs stay readable. Lines for the user while the bars are live are held back and
/// written when the bars are done (a line written under a live display would tear it).
/// </summary>
internal sealed class ExportDisplay
{
    private readonly CliConsole _console;
    private readonly ProgressContext? _context;
    private readonly List<string> _heldLines = [];
    private ProgressTask? _rows;
    private ProgressTask? _bytes;
    private long _lastTenth = -1;

    private ExportDisplay(CliConsole console, ProgressContext? context)
    {
        _console = console;
        _context = context;
    }

    public static async Task<T> RunAsync<T>(CliConsole console, Func<ExportDisplay, Task<T>> work)
    {
        if (!console.ErrorIsTerminal)
        {
            return await work(new ExportDisplay(console, null)).ConfigureAwait(false);
        }
        ExportDisplay? display = null;
        try
        {
            return await console.Error.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(context => work(display = new ExportDisplay(console, context)))
                .ConfigureAwait(false);
        }
        finally
        {
            foreach (var line in display?._heldLines ?? [])
            {
                console.WriteErrorLine(line);
            }
        }
    }

    /// <summary>A line on standard error: now, or after the progress bars when they are live.</summary>
    public void Line(string text)
    {
        if (_context is null)
        {
            _console.WriteErrorLine(text);
        }
        else
        {
            _heldLines.Add(text);
        }
    }

    public void Started(ExportJob job)
    {
        if (_context is null)
        {
            _console.WriteErrorLine($"export {job.ExportHash}: {Name(job.Status)} ({job.FileName})");
        }
        else
        {
            _heldLines.Add($"export {job.ExportHash}: {job.FileName}");
            _rows = _context.AddTask("Exporting", maxValue: 1);
        }
    }

    public IProgress<ExportProgress> Rows(string exportHash) => new InlineProgress<ExportProgress>(p =>
    {
        if (_rows is null)
        {
            _console.WriteErrorLine($"export {exportHash}: {p.Done}/{p.Total} label rows");
            return;
        }
        _rows.MaxValue = Math.Max(1, p.Total);
        _rows.Value = p.Done;
    });

    public void Finished(ExportJob job)
    {
        if (_rows is null)
        {
            _console.WriteErrorLine($"export {job.ExportHash}: {Name(job.Status)}" + (job.Error is null ? string.Empty : ": " + job.Error));
            return;
        }
        if (job.Status == ExportStatus.Succeeded)
        {
            _rows.Value = _rows.MaxValue;
        }
        _rows.StopTask();
    }

    public IProgress<DownloadProgress> Bytes(string name) => new InlineProgress<DownloadProgress>(p =>
    {
        if (_context is null)
        {
            if (p.TotalBytes is > 0 and var total && p.BytesReceived * 10 / total is var tenth && tenth != _lastTenth)
            {
                _lastTenth = tenth;
                _console.WriteErrorLine($"download {name}: {Size(p.BytesReceived)} of {Size(total)}");
            }
            return;
        }
        _bytes ??= _context.AddTask("Downloading", maxValue: Math.Max(1, p.TotalBytes ?? 1));
        _bytes.Value = p.BytesReceived;
    });

    public void Downloaded(ExportDownload download)
    {
        _bytes?.StopTask();
        var where = download.Path ?? "standard output";
        Line($"downloaded {where}: {Size(download.Size)}, sha256 {download.Sha256}" + (download.Resumes > 0 ? $", resumed {download.Resumes}×" : string.Empty));
    }

    private static string Name(ExportStatus status) => status.ToString().ToLowerInvariant();

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
    };
}
