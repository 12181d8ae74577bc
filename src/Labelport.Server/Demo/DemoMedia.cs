namespace Labelport.Server.Demo;

/// <summary>
/// The demo's media: small generated PNG street scenes (sky, grass in the bottom quarter, a lake, a red car) and a
/// 2-second 160×120 MP4 test pattern at 10 fps (an embedded resource made once with ffmpeg's testsrc).
/// </summary>
internal static class DemoMedia
{
    public const int ImageWidth = 320;
    public const int ImageHeight = 240;

    public const int VideoWidth = 160;
    public const int VideoHeight = 120;
    public const int VideoFrames = 20;
    public const double VideoFps = 10;

    /// <summary>Rows from this one down are grass (the demo bitmask covers exactly these).</summary>
    public const int GrassTop = ImageHeight * 3 / 4;

    public static byte[] Scene(int variant) => DemoPng.Encode(ImageWidth, ImageHeight, (x, y) =>
    {
        var carLeft = 40 + (variant * 30 % 200);
        if (x >= carLeft && x < carLeft + 60 && y >= 130 && y < 165)
        {
            return (200, 30, 30);
        }
        var dx = (x - 230) / 60.0;
        var dy = (y - 120) / 25.0;
        if (dx * dx + dy * dy <= 1)
        {
            return (30, 90, 180);
        }
        if (y >= GrassTop)
        {
            return (40, (byte)(140 + (x + variant * 7) % 40), 40);
        }
        return ((byte)(120 + y / 4), (byte)(170 + y / 5), 235);
    });

    public static byte[] Video()
    {
        using var resource = typeof(DemoMedia).Assembly.GetManifestResourceStream("Labelport.Server.Demo.demo-video.mp4")
            ?? throw new InvalidOperationException("The demo video resource is missing from the assembly.");
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        return buffer.ToArray();
    }
}
