using Labelport.Client;

namespace Labelport.Cli.Commands;

/// <summary>One <c>labelport export</c>: start the job, wait with progress, download. Ctrl+C cancels the job on the server.</summary>
internal sealed class ExportRun(CliConsole console, LabelportClient client, string projectHash, ExportRequest request, string output, TimeSpan? timeout)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        ExportJob? job = null;
        try
        {
            string? written = null;
            var exitCode = await ExportDisplay.RunAsync(console, async display =>
            {
                // Ctrl+C must not abandon a start request the server may already have acted on: the job would be left
                // queued with nobody to cancel it. The start completes (the HttpClient's timeout still bounds it), then
                // the cancellation is honoured with the job in hand.
                job = await client.Exports.StartAsync(projectHash, request, CancellationToken.None).ConfigureAwait(false);
                display.Started(job);
                cancellationToken.ThrowIfCancellationRequested();
                job = await client.Exports.WaitAsync(job.ExportHash, display.Rows(job.ExportHash), timeout, cancellationToken).ConfigureAwait(false);
                display.Finished(job);
                if (job.Status != ExportStatus.Succeeded)
                {
                    display.Line($"error: export {job.ExportHash} {job.Status.ToString().ToLowerInvariant()}" + (job.Error is null ? string.Empty : ": " + job.Error));
                    return LabelportCli.Failed;
                }
                var bytes = display.Bytes(job.FileName ?? job.ExportHash);
                ExportDownload download;
                if (output == "-")
                {
                    var stdout = console.OpenStandardOutput();
                    download = await client.Exports.DownloadAsync(job.ExportHash, stdout, bytes, cancellationToken).ConfigureAwait(false);
                    await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    download = await client.Exports.DownloadToFileAsync(job.ExportHash, output, bytes, cancellationToken).ConfigureAwait(false);
                }
                display.Downloaded(download);
                written = download.Path;
                return 0;
            }).ConfigureAwait(false);
            if (written is not null)
            {
                console.WriteLine(written); // after the progress bars: the one line a script reads
            }
            return exitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelOnServerAsync(job).ConfigureAwait(false);
            return LabelportCli.Failed;
        }
        catch (Exception e) when (ServerErrors.IsExpected(e))
        {
            return ServerErrors.Report(console, e, client.Server.ToString());
        }
    }

    private async Task CancelOnServerAsync(ExportJob? job)
    {
        if (job is null || job.IsFinished)
        {
            console.WriteErrorLine("cancelled");
            return;
        }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await client.Exports.CancelAsync(job.ExportHash, grace.Token).ConfigureAwait(false);
            console.WriteErrorLine($"cancelled; export {job.ExportHash} cancelled on the server");
        }
        catch (Exception e) when (ServerErrors.IsExpected(e) || e is OperationCanceledException)
        {
            console.WriteErrorLine($"cancelled; export {job.ExportHash} may still run on the server ({e.Message})");
        }
    }
}
