using Labelport.Storage.Records;

namespace Labelport.Server.Exports;

/// <summary>The wire form of an export job (docs/rest-api.md <c>ExportJob</c>).</summary>
public sealed record ExportJobResponse(
    string ExportHash,
    string ProjectHash,
    string Status,
    string Format,
    ExportRequest Request,
    ExportJobProgress Progress,
    string FileName,
    long? Size,
    string? Sha256,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public static ExportJobResponse From(ExportJobRecord job) => new(
        job.ExportHash,
        job.ProjectHash,
        StatusName(job.Status),
        job.Format,
        ExportRequestJson.Deserialize(job.RequestJson),
        new ExportJobProgress(job.ProgressDone, job.ProgressTotal),
        job.FileName,
        job.Size,
        job.Sha256,
        job.RequestedByEmail,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Error);

    public static string StatusName(ExportJobStatus status) => status switch
    {
        ExportJobStatus.Queued => "queued",
        ExportJobStatus.Running => "running",
        ExportJobStatus.Succeeded => "succeeded",
        ExportJobStatus.Failed => "failed",
        ExportJobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown export job status."),
    };
}
