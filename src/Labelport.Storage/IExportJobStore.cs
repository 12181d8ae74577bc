using Labelport.Storage.Records;

namespace Labelport.Storage;

/// <summary>
/// Durable export jobs (SQLite and PostgreSQL implementations). A worker claims a queued job with a lease, renews it
/// with each progress update, and finishes it only while it still holds the lease; a job whose lease ran out is
/// claimable again (taken over). PostgreSQL claims with <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
public interface IExportJobStore
{
    Task CreateAsync(ExportJobRecord job, CancellationToken cancellationToken);

    Task<ExportJobRecord?> FindAsync(string exportHash, CancellationToken cancellationToken);

    /// <summary>A queued or running job of the project with the same request key, or null.</summary>
    Task<ExportJobRecord?> FindActiveAsync(string projectHash, string requestKey, CancellationToken cancellationToken);

    /// <summary>The project's jobs, newest first.</summary>
    Task<IReadOnlyList<ExportJobRecord>> ListAsync(string projectHash, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the oldest queued job, or a running one whose lease expired before <paramref name="now"/>: status
    /// running, attempts + 1, lease to <paramref name="workerId"/> until <paramref name="leaseUntil"/>. Null when none.
    /// </summary>
    Task<ExportJobRecord?> TryClaimAsync(string workerId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records progress and renews the lease; false when the worker no longer holds it or the job was cancelled.</summary>
    Task<bool> HeartbeatAsync(string exportHash, string workerId, long done, long total, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Stages label hashes written into the file (moved into the rows' history by <see cref="TrySucceedAsync"/>) while
    /// the worker holds the lease of the running job; false (nothing staged) when it lost the lease or the job was cancelled.
    /// </summary>
    Task<bool> AddExportedRowsAsync(string exportHash, string workerId, IReadOnlyList<string> labelHashes, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction, while the worker holds the lease: status succeeded with the published file, and the staged
    /// rows' export history entries appended. False when the lease was lost or the job cancelled.
    /// </summary>
    Task<bool> TrySucceedAsync(string exportHash, string workerId, string blobKey, long size, string sha256, DateTimeOffset exportedAt, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>Status failed with the reason; staged rows are discarded. False when the worker lost the lease.</summary>
    Task<bool> TryFailAsync(string exportHash, string workerId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Re-queues the job (e.g. on graceful shutdown) when the worker still holds it, giving its attempt back; staged rows
    /// are discarded.
    /// </summary>
    Task<bool> TryRequeueAsync(string exportHash, string workerId, CancellationToken cancellationToken);

    /// <summary>Queued or running → cancelled; returns the job after the change, or null when it does not exist.</summary>
    Task<ExportJobRecord?> CancelAsync(string exportHash, DateTimeOffset finishedAt, CancellationToken cancellationToken);
}
