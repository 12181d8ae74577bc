namespace Labelport.Client;

/// <summary>One file to upload: its name, its bytes and its media type. The caller owns (and disposes) the stream.</summary>
/// <param name="FileName">The file name sent to the server (becomes the unit's title).</param>
/// <param name="Content">The file's bytes, read from the current position.</param>
/// <param name="ContentType">The media type, e.g. <c>image/png</c>; the server checks it against the magic bytes.</param>
public sealed record MediaFile(string FileName, Stream Content, string ContentType)
{
    /// <summary>The media type for a file name's extension (<c>.png</c>, <c>.jpg</c>, <c>.jpeg</c>, <c>.webp</c>, <c>.mp4</c>, <c>.webm</c>), else <c>application/octet-stream</c>.</summary>
    /// <param name="fileName">A file name or path.</param>
    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".PNG" => "image/png",
        ".JPG" or ".JPEG" => "image/jpeg",
        ".WEBP" => "image/webp",
        ".MP4" => "video/mp4",
        ".WEBM" => "video/webm",
        _ => "application/octet-stream",
    };
}
