namespace Labelport.Server.Datasets;

/// <summary>What the first bytes of an upload say it is: its MIME type and, for images, its size when readable.</summary>
public sealed record SniffedMedia(string MimeType, int? Width, int? Height)
{
    public bool IsImage => MimeType.StartsWith("image/", StringComparison.Ordinal);

    public bool IsVideo => MimeType.StartsWith("video/", StringComparison.Ordinal);
}
