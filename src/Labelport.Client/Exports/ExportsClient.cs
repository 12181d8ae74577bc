using static Labelport.Client.ApiConnection;

namespace Labelport.Client;

/// <summary>
/// Exports (<c>/api/projects/{projectHash}/exports</c>, <c>/api/exports/{exportHash}</c>): start one, wait for it with
/// progress, download its file (resuming after a dropped connection), cancel, and list a project's export history.
/// Exports need the <c>admin</c> or <c>team_manager</c> role. Get it from <see cref="LabelportClient.Exports"/>.
/// </summary>
public sealed class ExportsClient
{
    private readonly ApiConnection _api;

    internal ExportsClient(ApiConnection api) => _api = api;

    /// <summary>
    /// Starts an export job. An identical request while one is queued or running returns that job instead of a new one.
    /// </summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="request">Format and filters.</param>
    /// <param name="cancellationToken">Cancels the request (not the job: see <see cref="CancelAsync"/>).</param>
    /// <returns>The job, usually <see cref="ExportStatus.Queued"/>.</returns>
    /// <exception cref="LabelportApiException">400 naming each unknown data hash, status or feature hash by its JSON path
    /// (e.g. <c>$.objectFeatureHashes[1]</c>); 403 without the admin or team manager role.</exception>
    public Task<ExportJob> StartAsync(string projectHash, ExportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _api.SendJsonAsync(HttpMethod.Post, "api/projects/" + Segment(projectHash) + "/exports", request, ClientJson.Default.ExportRequest, ClientJson.Default.ExportJob, cancellationToken);
    }

    /// <summary>The job's current status and progress.</summary>
    /// <param name="exportHash">The export's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<ExportJob> GetAsync(string exportHash, CancellationToken cancellationToken = default)
        => _api.GetAsync("api/exports/" + Segment(exportHash), ClientJson.Default.ExportJob, cancellationToken);

    /// <summary>Cancels a queued or running job; nothing is published.</summary>
    /// <param name="exportHash">The export's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job, <see cref="ExportStatus.Cancelled"/>.</returns>
    /// <exception cref="LabelportApiException">409 when the job had already finished.</exception>
    public async Task<ExportJob> CancelAsync(string exportHash, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _api.UriOf("api/exports/" + Segment(exportHash) + "/cancel"));
        return await _api.SendAsync(request, ClientJson.Default.ExportJob, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The project's export history, newest first.</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<IReadOnlyList<ExportJob>> ListAsync(string projectHash, CancellationToken cancellationToken = default)
        => _api.GetAsync("api/projects/" + Segment(projectHash) + "/exports", ClientJson.Default.IReadOnlyListExportJob, cancellationToken);

    /// <summary>
    /// Polls the job every <see cref="LabelportClientOptions.PollInterval"/> until it has finished, reporting its
    /// progress whenever it changes. Returns the finished job whatever the outcome: check <see cref="ExportJob.Status"/>
    /// (<see cref="ExportJob.Error"/> says why it failed).
    /// </summary>
    /// <param name="exportHash">The export's hash.</param>
    /// <param name="progress">Receives label rows written / selected; may be null.</param>
    /// <param name="timeout">Gives up after this long (<see cref="TimeoutException"/>); null waits as long as it takes.</param>
    /// <param name="cancellationToken">Stops waiting at once (the job goes on; see <see cref="CancelAsync"/>).</param>
    /// <exception cref="TimeoutException">The job had not finished within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<ExportJob> WaitAsync(string exportHash, IProgress<ExportProgress>? progress = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var clock = _api.Options.TimeProvider;
        using var deadline = timeout is { } limit ? new CancellationTokenSource(limit, clock) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        ExportJob? job = null;
        ExportProgress? reported = null;
        try
        {
            while (true)
            {
                job = await GetAsync(exportHash, linked.Token).ConfigureAwait(false);
                if (progress is not null && job.Progress != reported)
                {
                    reported = job.Progress;
                    progress.Report(job.Progress);
                }
                if (job.IsFinished)
                {
                    return job;
                }
                await Task.Delay(_api.Options.PollInterval, clock, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var last = job is null ? "no status received" : $"last status {job.Status.ToString().ToLowerInvariant()}, {job.Progress.Done}/{job.Progress.Total} rows";
            throw new TimeoutException($"Export {exportHash} did not finish within {timeout}: {last}.");
        }
    }

    /// <summary>
    /// Downloads a succeeded export's file to <paramref name="destination"/>. When the connection drops, the download
    /// goes on from the last byte received with a <c>Range</c> request (up to <see cref="LabelportClientOptions.MaxDownloadResumes"/>
    /// times), guarded by <c>If-Range</c>; the bytes are checked against the server's SHA-256 at the end.
    /// </summary>
    /// <param name="exportHash">The export's hash.</param>
    /// <param name="destination">Where the bytes go (written from its current position).</param>
    /// <param name="progress">Receives bytes received; may be null.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <exception cref="LabelportApiException">409 when the export has not succeeded.</exception>
    /// <exception cref="InvalidDataException">The bytes do not match the server's SHA-256.</exception>
    /// <exception cref="IOException">The connection dropped more often than allowed.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached for the first request (not retried).</exception>
    public Task<ExportDownload> DownloadAsync(string exportHash, Stream destination, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return new ResumableDownload(_api, "api/exports/" + Segment(exportHash) + "/file", progress).RunAsync(destination, cancellationToken);
    }

    /// <summary>
    /// Downloads a succeeded export's file to a file, resuming like <see cref="DownloadAsync"/>. When <paramref name="path"/>
    /// is an existing folder the file gets the server's name (<c>&lt;projectHash&gt;_&lt;time&gt;.json</c>) inside it.
    /// The file appears only when complete and checked (written beside it, then renamed); an existing file is replaced.
    /// </summary>
    /// <param name="exportHash">The export's hash.</param>
    /// <param name="path">A file path or an existing folder.</param>
    /// <param name="progress">Receives bytes received; may be null.</param>
    /// <param name="cancellationToken">Cancels the download (nothing is left behind).</param>
    /// <returns>The download, with <see cref="ExportDownload.Path"/> set.</returns>
    public async Task<ExportDownload> DownloadToFileAsync(string exportHash, string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            var job = await GetAsync(exportHash, cancellationToken).ConfigureAwait(false);
            target = Path.Combine(target, SafeFileName(job.FileName ?? exportHash + ".json"));
        }
        var folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{path} has no folder.", nameof(path));
        var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".part");
        var completed = false;
        try
        {
            ExportDownload download;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                download = await DownloadAsync(exportHash, file, progress, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
            completed = true;
            return download with { Path = target };
        }
        finally
        {
            if (!completed)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The server's name without any folder part (a name from the network never chooses the folder).</summary>
    internal static string SafeFileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        return file.Length == 0 || file is "." or ".." || file.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            ? throw new InvalidDataException($"The server's file name '{name}' cannot be used as a file name.")
            : file;
    }
}
