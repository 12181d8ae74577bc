using Labelport.Storage;

namespace Labelport.Server.Exports;

/// <summary>Progress and lease renewal of one running job: due every <c>HeartbeatInterval</c> or <c>HeartbeatRows</c> rows.</summary>
internal sealed class ExportHeartbeat
{
    private readonly IExportJobStore _jobs;
    private readonly string _exportHash;
    private readonly string _workerId;
    private readonly TimeProvider _time;
    private readonly ExportWorkerOptions _options;
    private long _lastBeat;
    private long _rowsAtLastBeat;

    public ExportHeartbeat(IExportJobStore jobs, string exportHash, string workerId, long total, TimeProvider time, ExportWorkerOptions options)
    {
        _jobs = jobs;
        _exportHash = exportHash;
        _workerId = workerId;
        Total = total;
        _time = time;
        _options = options;
    }

    public long Total { get; }

    public bool IsDue(long done) =>
        done - _rowsAtLastBeat >= _options.HeartbeatRows || _time.GetElapsedTime(_lastBeat) >= _options.HeartbeatInterval;

    /// <summary>Records progress and renews the lease; false when the lease is lost or the job was cancelled.</summary>
    public Task<bool> BeatAsync(long done, CancellationToken cancellationToken)
    {
        _lastBeat = _time.GetTimestamp();
        _rowsAtLastBeat = done;
        return _jobs.HeartbeatAsync(_exportHash, _workerId, done, Total, _time.GetUtcNow() + _options.LeaseDuration, cancellationToken);
    }
}
