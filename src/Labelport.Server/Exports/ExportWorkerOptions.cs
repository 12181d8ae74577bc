namespace Labelport.Server.Exports;

/// <summary>How the export worker claims and runs jobs.</summary>
public sealed class ExportWorkerOptions
{
    /// <summary>Jobs run at once by this process.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>How long a claim or heartbeat holds a job; after that another worker may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Progress and lease renewal at most this far apart (well below <see cref="LeaseDuration"/>).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A heartbeat is also sent after this many rows, whichever comes first.</summary>
    public int HeartbeatRows { get; set; } = 1000;

    /// <summary>How often the worker looks for claimable jobs when nothing wakes it (queued elsewhere, expired leases).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Identifies this process in job leases.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>A job claimed more often than this (its workers died or were stopped) is failed instead of run again.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Rows read per keyset page from the snapshot (a page is held in memory with its JSON, so keep it small).</summary>
    public int PageSize { get; set; } = 10;

    /// <summary>Exported label hashes staged per store call.</summary>
    public int StageBatchSize { get; set; } = 500;
}
