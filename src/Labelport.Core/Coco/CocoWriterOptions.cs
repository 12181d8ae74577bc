using Labelport.Core.Model;

namespace Labelport.Core.Coco;

/// <summary>Options of <see cref="CocoWriter"/>.</summary>
public sealed record CocoWriterOptions
{
    public bool Indented { get; init; }

    /// <summary>Emit images for labelled video frames (Encord's <c>include_videos</c>, on by default).</summary>
    public bool IncludeVideos { get; init; } = true;

    /// <summary>Replaces each data unit's link in <c>coco_url</c> (e.g. with a signed URL); null keeps the stored link.</summary>
    public Func<LabelRow, DataUnit, string?>? DataLink { get; init; }

    /// <summary>Folder for the annotations spill file (default: the system temp folder).</summary>
    public string? TemporaryFolder { get; init; }
}
