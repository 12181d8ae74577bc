using Labelport.Core.Masks;

namespace Labelport.Server.Demo;

/// <summary>Renders the demo's generated images as RGB PNGs (through Core's <see cref="PngWriter"/>).</summary>
internal static class DemoPng
{
    public static byte[] Encode(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        var rgb = new byte[height * width * 3];
        var offset = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                rgb[offset++] = r;
                rgb[offset++] = g;
                rgb[offset++] = b;
            }
        }
        using var output = new MemoryStream();
        PngWriter.WriteRgb(output, rgb, height, width);
        return output.ToArray();
    }
}
