namespace Labelport.Client;

/// <summary>A label row without its labels: what it labels, its status and counts.</summary>
public sealed record LabelRowSummary
{
    /// <summary>The row's label hash.</summary>
    public required string LabelHash { get; init; }

    /// <summary>The labelled data item's hash.</summary>
    public required string DataHash { get; init; }

    /// <summary>The data item's title.</summary>
    public string? DataTitle { get; init; }

    /// <summary><c>image</c>, <c>video</c>, <c>img_group</c>, …</summary>
    public string? DataType { get; init; }

    /// <summary>The dataset of the data item.</summary>
    public string? DatasetHash { get; init; }

    /// <summary>The Encord label status, e.g. <c>NOT_LABELLED</c>, <c>LABELLED</c>, <c>REVIEWED</c>.</summary>
    public string? LabelStatus { get; init; }

    /// <summary>The Encord annotation task status, e.g. <c>QUEUED</c>, <c>COMPLETED</c>.</summary>
    public string? AnnotationTaskStatus { get; init; }

    /// <summary>When the row was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the row was last edited (UTC).</summary>
    public DateTimeOffset? LastEditedAt { get; init; }

    /// <summary>Number of object instances over all frames.</summary>
    public int ObjectCount { get; init; }

    /// <summary>Number of classification instances over all frames.</summary>
    public int ClassificationCount { get; init; }

    /// <summary>The row's data units.</summary>
    public IReadOnlyList<LabelRowUnit> Units { get; init; } = [];
}
