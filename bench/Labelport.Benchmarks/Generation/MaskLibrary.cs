using Labelport.Core.Masks;

namespace Labelport.Benchmarks.Generation;

/// <summary>
/// A few full-frame bitmasks (filled ellipses, one with a hole) encoded once as Encord row-major RLE strings, so a
/// generator can place thousands of realistic masks without rasterising each one.
/// </summary>
internal sealed class MaskLibrary
{
    private readonly string[] _masks;

    public MaskLibrary(int width, int height, int count, Random random)
    {
        _masks = new string[count];
        var pixels = new byte[width * height];
        for (var m = 0; m < count; m++)
        {
            Array.Clear(pixels);
            var cx = width * (0.2 + (0.6 * random.NextDouble()));
            var cy = height * (0.2 + (0.6 * random.NextDouble()));
            var rx = width * (0.05 + (0.15 * random.NextDouble()));
            var ry = height * (0.05 + (0.15 * random.NextDouble()));
            var hole = m % 2 == 1;
            for (var y = 0; y < height; y++)
            {
                var dy = (y - cy) / ry;
                for (var x = 0; x < width; x++)
                {
                    var dx = (x - cx) / rx;
                    var d = (dx * dx) + (dy * dy);
                    if (d <= 1 && !(hole && d < 0.25))
                    {
                        pixels[(y * width) + x] = 1;
                    }
                }
            }
            _masks[m] = EncordBitmask.Encode(pixels);
        }
    }

    public string Pick(Random random) => _masks[random.Next(_masks.Length)];
}
