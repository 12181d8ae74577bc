namespace Labelport.Storage.Records;

/// <summary>One media file of a data item: an image, a video, or one image of a group.</summary>
public sealed record DataUnitRecord(
    string DataHash,
    string ItemDataHash,
    string Title,
    string MimeType,
    int? Width,
    int? Height,
    int? Frames,
    double? Fps,
    long Size,
    int Sequence,
    string? BlobKey,
    string? ExternalLink);
