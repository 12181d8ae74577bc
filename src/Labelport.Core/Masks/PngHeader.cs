using System.Buffers.Binary;

namespace Labelport.Core.Masks;

/// <summary>The IHDR chunk, validated against the combinations the PNG spec allows.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
{
    public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

    public int BitsPerPixel => Channels * BitDepth;

    public static PngHeader Parse(ReadOnlySpan<byte> data, long maxPixels)
    {
        if (data.Length != 13)
        {
            throw new MaskFormatException($"PNG IHDR has {data.Length} bytes, expected 13.");
        }
        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        int depth = data[8], color = data[9];
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new MaskFormatException($"PNG size {width}×{height} is invalid.");
        }
        if ((long)width * height > maxPixels)
        {
            throw new MaskFormatException($"PNG size {width}×{height} exceeds the limit of {maxPixels} pixels.");
        }
        var allowed = color switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!allowed)
        {
            throw new MaskFormatException($"PNG colour type {color} with bit depth {depth} is not a valid combination.");
        }
        if (data[10] != 0 || data[11] != 0 || data[12] > 1)
        {
            throw new MaskFormatException($"PNG uses unknown compression {data[10]}, filter method {data[11]} or interlace method {data[12]}.");
        }
        return new PngHeader((int)width, (int)height, depth, color, data[12] == 1);
    }
}
