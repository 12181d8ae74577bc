using Labelport.Core.Masks;
using Labelport.Core.Model;

namespace Labelport.Client.Tests.Reading;

public sealed class BitmaskPixelsTests
{
    /// <summary>A 7-high, 11-wide mask with a ring, a diagonal and a full last row (row-major).</summary>
    private static byte[] Pattern(int height, int width)
    {
        var mask = new byte[height * width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var ring = (y is 1 or 5 && x is >= 2 and <= 8) || (x is 2 or 8 && y is >= 1 and <= 5);
                mask[(y * width) + x] = (byte)(ring || x == y || y == height - 1 ? 1 : 0);
            }
        }
        return mask;
    }

    [Fact]
    public void An_encord_rle_string_decodes_to_the_mask_it_was_made_from()
    {
        var mask = Pattern(7, 11);
        var bitmask = new BitmaskGeometry(0, 0, 7, 11, EncordBitmask.Encode(mask, 7, 11));
        Assert.Equal(mask, bitmask.ToByteMask());
        Assert.Equal(CocoRle.EncodeRowMajor(mask, 7, 11), bitmask.ToCocoRle());
        Assert.Equal(mask, bitmask.ToCocoRle().Decode(MaskOrder.RowMajor));
    }

    [Fact]
    public void The_png_reads_back_as_the_same_mask()
    {
        var mask = Pattern(7, 11);
        var bitmask = new BitmaskGeometry(0, 0, 7, 11, EncordBitmask.Encode(mask, 7, 11));
        var png = bitmask.ToPng();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var read = PngReader.ReadMask(new MemoryStream(png));
        Assert.Equal(7, read.Height);
        Assert.Equal(11, read.Width);
        Assert.True(read.IsBinary);
        Assert.Equal(mask, read.RowMajor.Select(b => (byte)(b != 0 ? 1 : 0)).ToArray());
    }

    [Fact]
    public void A_malformed_rle_string_names_the_problem()
    {
        var bitmask = new BitmaskGeometry(0, 0, 4, 4, "this is not RLE");
        Assert.Throws<MaskFormatException>(() => bitmask.ToByteMask());
    }
}
