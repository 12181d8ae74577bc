namespace Labelport.Client;

/// <summary>An export job: its request, status, progress and, once it succeeded, its file.</summary>
public sealed record ExportJob
{
    /// <summary>The export's hash (also written into the file and into each row's export history).</summary>
    public required string ExportHash { get; init; }

    /// <summary>The exported project.</summary>
    public required string ProjectHash { get; init; }

    /// <summary>Where the job is.</summary>
    public ExportStatus Status { get; init; }

    /// <summary>The file format.</summary>
    public ExportFormat Format { get; init; }

    /// <summary>The request the job was started with.</summary>
    public ExportRequest? Request { get; init; }

    /// <summary>Label rows written of label rows selected.</summary>
    public ExportProgress Progress { get; init; } = new(0, 0);

    /// <summary>The file's name: <c>&lt;projectHash&gt;_&lt;yyyy-MM-dd_HH-mm-ss&gt;.json</c> or <c>…_coco.json</c>.</summary>
    public string? FileName { get; init; }

    /// <summary>The file's size in bytes, once it succeeded.</summary>
    public long? Size { get; init; }

    /// <summary>The file's SHA-256 (lower-case hex), once it succeeded.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The e-mail of the user who started the export.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>When the job was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a worker started it (UTC).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it finished (UTC), whatever the outcome.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; init; }

    /// <summary>True once the job will not change any more (succeeded, failed or cancelled).</summary>
    public bool IsFinished => Status is ExportStatus.Succeeded or ExportStatus.Failed or ExportStatus.Cancelled;
}
