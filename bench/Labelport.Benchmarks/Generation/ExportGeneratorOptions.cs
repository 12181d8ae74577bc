namespace Labelport.Benchmarks.Generation;

/// <summary>Size and mix of a generated web-app export. Same options and seed → the same bytes.</summary>
public sealed record ExportGeneratorOptions
{
    public int Seed { get; init; } = 20261125;

    public int Rows { get; init; } = 1000;

    /// <summary>Frames of each video row (every frame is labelled, objects are tracked across frames).</summary>
    public int FramesPerVideo { get; init; } = 30;

    public int ImagesPerGroup { get; init; } = 4;

    /// <summary>Objects on each labelled frame or image (a track per object on videos).</summary>
    public int ObjectsPerFrame { get; init; } = 6;

    /// <summary>Share of objects that are full-frame 1920×1080 bitmasks (0 = none; each adds ~1-4 kB of RLE text).</summary>
    public double BitmaskShare { get; init; }

    public int Width { get; init; } = 1920;

    public int Height { get; init; } = 1080;
}
