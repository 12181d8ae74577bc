namespace Labelport.Client;

/// <summary>
/// What to export. All filters combine with AND; a null filter selects everything. Unknown data hashes, statuses or
/// feature hashes are rejected by the server (a <see cref="LabelportApiException"/> naming each by its JSON path).
/// </summary>
public sealed record ExportRequest
{
    /// <summary>Encord JSON or COCO. Default <see cref="ExportFormat.Json"/>.</summary>
    public ExportFormat Format { get; init; } = ExportFormat.Json;

    /// <summary>Only the label rows of these data hashes (an image group's hash selects the whole group).</summary>
    public IReadOnlyList<string>? DataHashes { get; init; }

    /// <summary>Only label rows with these label statuses, e.g. <c>LABELLED</c>, <c>REVIEWED</c>.</summary>
    public IReadOnlyList<string>? LabelStatuses { get; init; }

    /// <summary>Only object instances of these ontology object feature hashes (with their answers and actions).</summary>
    public IReadOnlyList<string>? ObjectFeatureHashes { get; init; }

    /// <summary>Only classification instances of these ontology classification feature hashes.</summary>
    public IReadOnlyList<string>? ClassificationFeatureHashes { get; init; }

    /// <summary>Write signed, time-limited media URLs as <c>data_link</c>s instead of the stable API links.</summary>
    public bool IncludeSignedUrls { get; init; }

    /// <summary>Lifetime of the signed URLs in seconds (60 s … 30 days). Null: the server's default (7 days).</summary>
    public int? SignedUrlTtlSeconds { get; init; }
}
