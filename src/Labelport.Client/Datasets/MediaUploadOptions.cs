namespace Labelport.Client;

/// <summary>Form fields of a media upload. Sizes are read from PNG/JPEG files by the server; give them for other media.</summary>
public sealed record MediaUploadOptions
{
    /// <summary>How the files become data items. Default <see cref="MediaKind.Image"/>.</summary>
    public MediaKind Kind { get; init; } = MediaKind.Image;

    /// <summary>The title of a group, or of a single file (default: the file name).</summary>
    public string? Title { get; init; }

    /// <summary>Width in pixels, when the server cannot read it from the file.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels, when the server cannot read it from the file.</summary>
    public int? Height { get; init; }

    /// <summary>Number of frames of a video, when the server cannot read it.</summary>
    public int? Frames { get; init; }

    /// <summary>Frames per second of a video, when the server cannot read it.</summary>
    public double? Fps { get; init; }
}
