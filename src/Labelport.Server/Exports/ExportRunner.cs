using System.Text.Json;
using Labelport.Core.Encord;
using Labelport.Core.Json;
using Labelport.Core.Model;
using Labelport.Core.Ontology;
using Labelport.Server.Media;
using Labelport.Storage;
using Labelport.Storage.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Labelport.Server.Exports;

/// <summary>
/// Runs one claimed export job (DESIGN.md "Data flow of an export"): reads the selected label rows from a
/// consistent snapshot, keyset-paged, filters objects and classifications, writes Encord JSON or COCO into a blob
/// upload while hashing it, stages the exported rows, publishes the blob and marks the job succeeded (which appends
/// the rows' export history). One row is in memory at a time. Nothing is published unless the whole file was
/// written while this worker held the lease; any failure marks the job failed with a reason and discards the upload.
/// </summary>
public sealed class ExportRunner
{
    public const string ContentType = "application/json";

    private readonly IProjectStore _projects;
    private readonly ILabelRowStore _labelRows;
    private readonly IExportJobStore _jobs;
    private readonly IBlobStore _blobs;
    private readonly MediaUrlSigner _signer;
    private readonly TimeProvider _time;
    private readonly ExportRunnerOptions _runnerOptions;
    private readonly ExportWorkerOptions _workerOptions;
    private readonly ILogger<ExportRunner> _logger;

    public ExportRunner(
        IProjectStore projects,
        ILabelRowStore labelRows,
        IExportJobStore jobs,
        IBlobStore blobs,
        MediaUrlSigner signer,
        TimeProvider time,
        ExportRunnerOptions runnerOptions,
        ExportWorkerOptions workerOptions,
        ILogger<ExportRunner>? logger = null)
    {
        _projects = projects;
        _labelRows = labelRows;
        _jobs = jobs;
        _blobs = blobs;
        _signer = signer;
        _time = time;
        _runnerOptions = runnerOptions;
        _workerOptions = workerOptions;
        _logger = logger ?? NullLogger<ExportRunner>.Instance;
    }

    /// <summary>
    /// Runs <paramref name="job"/>, claimed by the worker named in its <see cref="ExportJobRecord.LeaseOwner"/>.
    /// When <paramref name="cancellationToken"/> fires the run stops, discards its file and returns
    /// <see cref="ExportRunOutcome.Stopped"/>; the caller decides what happens to the job (re-queue on shutdown).
    /// </summary>
    public async Task<ExportRunOutcome> RunAsync(ExportJobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var workerId = job.LeaseOwner ?? throw new ArgumentException("the job is not claimed (no lease owner)", nameof(job));
        try
        {
            return await RunClaimedAsync(job, workerId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExportRunOutcome.Stopped;
        }
        catch (ExportFailedException e)
        {
            return await FailAsync(job, workerId, e.Message, e);
        }
        catch (IOException e)
        {
            // The message names server paths: the user sees the kind of failure, the log has the rest.
            return await FailAsync(job, workerId, $"export failed: the server could not write the export ({e.GetType().Name}); the server log has the details", e);
        }
        catch (Exception e) when (e is LabelFormatException or JsonException or InvalidOperationException or ArgumentException or NotSupportedException or KeyNotFoundException)
        {
            return await FailAsync(job, workerId, "export failed: " + e.Message, e);
        }
    }

    private async Task<ExportRunOutcome> RunClaimedAsync(ExportJobRecord job, string workerId, CancellationToken cancellationToken)
    {
        // The file already says when it was exported; the history entries must say the same, to the second.
        var exportedAt = WholeSeconds(job.StartedAt ?? _time.GetUtcNow());
        var request = ReadRequest(job);
        var ontology = await ReadOntologyAsync(job.ProjectHash, cancellationToken);
        var query = request.ToQuery(job.ProjectHash, _workerOptions.PageSize);
        var filter = request.ToFilter();
        var blobKey = $"exports/{job.ProjectHash}/{job.ExportHash}_{job.Attempts}.json";
        var links = new ExportDataLinks(_projects, job.ProjectHash, _blobs, _signer, _runnerOptions.PublicBaseUri, request, exportedAt);
        var stamp = new ExportStamp(job.ExportHash, EncordDates.Format(exportedAt), job.RequestedByEmail);

        await using var snapshot = await _labelRows.OpenSnapshotAsync(cancellationToken);
        var heartbeat = new ExportHeartbeat(_jobs, job.ExportHash, workerId, await snapshot.CountAsync(query, cancellationToken), _time, _workerOptions);
        if (!await heartbeat.BeatAsync(0, cancellationToken))
        {
            return Abandoned(job, "before writing");
        }
        await using var upload = await _blobs.BeginUploadAsync(blobKey, ContentType, cancellationToken);
        await using var hashing = new HashingWriteStream(upload.Stream);
        var staged = new List<string>(_workerOptions.StageBatchSize);
        long done = 0;
        using (var file = ExportFileWriter.Create(request.Format, hashing, ontology, stamp, links.For, _runnerOptions.TemporaryFolder))
        {
            await foreach (var (record, history) in snapshot.ReadAsync(query, cancellationToken))
            {
                // Stores may not look at the token (Microsoft.Data.Sqlite runs synchronously): check it per row.
                cancellationToken.ThrowIfCancellationRequested();
                var row = ParseRow(record, history);
                filter.ApplyTo(row);
                await links.PrepareAsync(row, cancellationToken);
                await WriteRowAsync(file, row, record.LabelHash, cancellationToken);
                staged.Add(record.LabelHash);
                if (staged.Count >= _workerOptions.StageBatchSize)
                {
                    if (!await _jobs.AddExportedRowsAsync(job.ExportHash, workerId, staged.ToArray(), cancellationToken))
                    {
                        return Abandoned(job, $"while staging after {done} of {heartbeat.Total} rows");
                    }
                    staged.Clear();
                }
                done++;
                if (heartbeat.IsDue(done) && !await heartbeat.BeatAsync(done, cancellationToken))
                {
                    return Abandoned(job, $"after {done} of {heartbeat.Total} rows");
                }
            }
                await file.CompleteAsync(cancellationToken);
        }
        await hashing.FlushAsync(cancellationToken);
        if (staged.Count > 0 && !await _jobs.AddExportedRowsAsync(job.ExportHash, workerId, staged.ToArray(), cancellationToken))
        {
            return Abandoned(job, "while staging the last rows");
        }
        if (!await heartbeat.BeatAsync(done, cancellationToken))
        {
            return Abandoned(job, "before publishing");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var size = hashing.Length;
        var sha256 = hashing.FinishHash();
        await upload.PublishAsync(cancellationToken);
        // Published: from here on, finish the bookkeeping even when asked to stop.
        if (!await _jobs.TrySucceedAsync(job.ExportHash, workerId, blobKey, size, sha256, exportedAt, _time.GetUtcNow(), CancellationToken.None))
        {
            await _blobs.DeleteAsync(blobKey, CancellationToken.None);
            return Abandoned(job, "at completion");
        }
        _logger.LogInformation("Export {ExportHash} succeeded: {Rows} rows, {Size} bytes", job.ExportHash, done, size);
        return ExportRunOutcome.Succeeded;
    }

    private static ExportRequest ReadRequest(ExportJobRecord job)
    {
        try
        {
            return ExportRequestJson.Deserialize(job.RequestJson);
        }
        catch (JsonException e)
        {
            throw new ExportFailedException("the stored export request cannot be read: " + e.Message, e);
        }
    }

    private async Task<OntologyStructure> ReadOntologyAsync(string projectHash, CancellationToken cancellationToken)
    {
        var project = await _projects.FindProjectAsync(projectHash, cancellationToken)
            ?? throw new ExportFailedException($"project {projectHash} does not exist");
        try
        {
            return OntologyReader.Parse(project.OntologyJson);
        }
        catch (LabelFormatException e)
        {
            throw new ExportFailedException("the project's ontology: " + e.Message, e);
        }
    }

    private static LabelRow ParseRow(LabelRowRecord record, IReadOnlyList<ExportHistoryRecord> history)
    {
        LabelRow row;
        try
        {
            row = LabelRowReader.ParseRow(record.Json);
        }
        catch (LabelFormatException e)
        {
            throw new ExportFailedException($"label row {record.LabelHash}: {e.Message}", e);
        }
        row.ExportHistory.Clear();
        foreach (var entry in history)
        {
            row.ExportHistory.Add(new ExportHistoryEntry
            {
                ExportHash = entry.ExportHash,
                ExportedAt = EncordDates.Format(entry.ExportedAt),
                UserEmail = entry.UserEmail,
            });
        }
        return row;
    }

    private static async ValueTask WriteRowAsync(ExportFileWriter file, LabelRow row, string labelHash, CancellationToken cancellationToken)
    {
        try
        {
            await file.WriteAsync(row, cancellationToken);
        }
        catch (Exception e) when (e is LabelFormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException)
        {
            // Core's writers throw these for data they cannot represent (a mask that does not decode, …).
            throw new ExportFailedException($"label row {labelHash}: {e.Message}", e);
        }
    }

    private async Task<ExportRunOutcome> FailAsync(ExportJobRecord job, string workerId, string reason, Exception exception)
    {
        _logger.LogWarning(exception, "Export {ExportHash} failed: {Reason}", job.ExportHash, reason);
        await _jobs.TryFailAsync(job.ExportHash, workerId, reason, _time.GetUtcNow(), CancellationToken.None);
        return ExportRunOutcome.Failed;
    }

    private ExportRunOutcome Abandoned(ExportJobRecord job, string when)
    {
        _logger.LogInformation("Export {ExportHash}: lease lost or job cancelled {When}; its file is discarded", job.ExportHash, when);
        return ExportRunOutcome.Abandoned;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
