namespace Labelport.Storage.Records;

/// <summary>
/// A durable export job. <see cref="RequestJson"/> is the validated request (camelCase, docs/rest-api.md
/// <c>ExportRequest</c>); <see cref="RequestKey"/> is its canonical form, so identical requests can share a job.
/// <see cref="LeaseOwner"/>/<see cref="LeaseExpiresAt"/> say which worker runs it and until when, without a
/// heartbeat, its lease holds.
/// </summary>
public sealed record ExportJobRecord(
    string ExportHash,
    string ProjectHash,
    string Format,
    string RequestJson,
    string RequestKey,
    string RequestedByUserId,
    string RequestedByEmail,
    ExportJobStatus Status,
    long ProgressDone,
    long ProgressTotal,
    string FileName,
    string? BlobKey,
    long? Size,
    string? Sha256,
    string? Error,
    int Attempts,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
