namespace Labelport.Server.Datasets;

/// <summary>The fields of a media upload (docs/rest-api.md): kind, optional title and sizes.</summary>
public sealed record UploadRequest(string Kind, string? Title, int? Width, int? Height, int? Frames, double? Fps)
{
    public const string Image = "image";
    public const string Video = "video";
    public const string ImageGroup = "img_group";
    public const string ImageSequence = "image_sequence";

    public static IReadOnlyList<string> Kinds { get; } = [Image, Video, ImageGroup, ImageSequence];
}
