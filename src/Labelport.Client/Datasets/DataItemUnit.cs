namespace Labelport.Client;

/// <summary>One media file of a data item.</summary>
public sealed record DataItemUnit
{
    /// <summary>The unit's data hash.</summary>
    public required string DataHash { get; init; }

    /// <summary>The unit's title (its file name).</summary>
    public string? Title { get; init; }

    /// <summary>The media type, e.g. <c>image/png</c>.</summary>
    public string? MimeType { get; init; }

    /// <summary>Width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Number of frames (videos).</summary>
    public int? Frames { get; init; }

    /// <summary>Frames per second (videos).</summary>
    public double? Fps { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Position in its group (0 for a single file).</summary>
    public int Sequence { get; init; }
}
