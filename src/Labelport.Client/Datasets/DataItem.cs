namespace Labelport.Client;

/// <summary>A data item of a dataset: one image, one video, or a group (image group or image sequence) of units.</summary>
public sealed record DataItem
{
    /// <summary>The item's data hash (the label row's <c>data_hash</c>).</summary>
    public required string DataHash { get; init; }

    /// <summary>The dataset the item belongs to.</summary>
    public required string DatasetHash { get; init; }

    /// <summary>The item's title (the file name for a single file).</summary>
    public string? Title { get; init; }

    /// <summary><c>image</c>, <c>video</c>, <c>img_group</c>, …</summary>
    public string? DataType { get; init; }

    /// <summary>True for an image sequence (a group played as a video).</summary>
    public bool IsImageSequence { get; init; }

    /// <summary>The item's units in order (one for an image or a video).</summary>
    public IReadOnlyList<DataItemUnit> Units { get; init; } = [];

    /// <summary>When the item was uploaded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
