namespace Labelport.Server.Exports;

/// <summary>How one run of an export job ended.</summary>
public enum ExportRunOutcome
{
    /// <summary>The file was published and the job marked succeeded (history appended).</summary>
    Succeeded = 1,

    /// <summary>The job was marked failed with a reason; nothing was published.</summary>
    Failed = 2,

    /// <summary>The lease was lost or the job cancelled: this worker stopped and discarded its file.</summary>
    Abandoned = 3,

    /// <summary>The run was stopped by the caller's token (shutdown); nothing was published, the job is still running under this worker's lease.</summary>
    Stopped = 4,
}
