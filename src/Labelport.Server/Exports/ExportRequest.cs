using Labelport.Core.Export;
using Labelport.Storage.Records;

namespace Labelport.Server.Exports;

/// <summary>
/// The body of <c>POST /api/projects/{projectHash}/exports</c> (docs/rest-api.md), camelCase on the wire. A null
/// filter selects everything; all filters combine with AND. Stored as the job's <c>RequestJson</c>
/// (<see cref="ExportRequestJson"/>).
/// </summary>
public sealed record ExportRequest
{
    public const int DefaultSignedUrlTtlSeconds = 7 * 24 * 60 * 60;

    public const int MinSignedUrlTtlSeconds = 60;

    public const int MaxSignedUrlTtlSeconds = 30 * 24 * 60 * 60;

    /// <summary><see cref="ExportFormats.Json"/> or <see cref="ExportFormats.Coco"/>.</summary>
    public string Format { get; init; } = ExportFormats.Json;

    /// <summary>Row data hashes (an image group's hash selects the whole group).</summary>
    public IReadOnlyList<string>? DataHashes { get; init; }

    /// <summary>Wire label statuses (<c>LABELLED</c>, …).</summary>
    public IReadOnlyList<string>? LabelStatuses { get; init; }

    public IReadOnlyList<string>? ObjectFeatureHashes { get; init; }

    public IReadOnlyList<string>? ClassificationFeatureHashes { get; init; }

    /// <summary>Write signed, time-limited <c>/media/…</c> URLs as data links instead of the stable API links.</summary>
    public bool IncludeSignedUrls { get; init; }

    public int SignedUrlTtlSeconds { get; init; } = DefaultSignedUrlTtlSeconds;

    /// <summary>The object and classification part of the request as Core's filter (rows are selected by <see cref="ToQuery"/>).</summary>
    public ExportFilter ToFilter() => new()
    {
        DataHashes = ToSet(DataHashes),
        LabelStatuses = ToSet(LabelStatuses),
        ObjectFeatureHashes = ToSet(ObjectFeatureHashes),
        ClassificationFeatureHashes = ToSet(ClassificationFeatureHashes),
    };

    /// <summary>The store query selecting the request's rows (data hashes and label statuses).</summary>
    public LabelRowQuery ToQuery(string projectHash, int pageSize) => new(projectHash)
    {
        DataHashes = ToSet(DataHashes),
        LabelStatuses = ToSet(LabelStatuses),
        Limit = pageSize,
    };

    private static HashSet<string>? ToSet(IReadOnlyList<string>? values) =>
        values is null ? null : new HashSet<string>(values, StringComparer.Ordinal);
}
