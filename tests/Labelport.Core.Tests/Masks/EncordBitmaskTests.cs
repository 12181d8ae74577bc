using Labelport.Core.Masks;

namespace Labelport.Core.Tests.Masks;

public sealed class EncordBitmaskTests
{
    // Worked examples of spec encord-json.md §11.4, computed with Encord's SDK.
    [Theory]
    [InlineData(2, 3, "111000", "033", "0110000")]
    [InlineData(3, 4, "000000100000", "615", "714")]
    [InlineData(4, 5, "00000011100111000000", "63204", "5220003")]
    [InlineData(2, 2, "0000", "4", "4")]
    [InlineData(2, 2, "1111", "04", "04")]
    public void Worked_examples_convert_both_ways(int h, int w, string rowMajor, string encord, string coco)
    {
        var pixels = rowMajor.Select(c => (byte)(c - '0')).ToArray();
        Assert.Equal(encord, EncordBitmask.Encode(pixels));
        var rle = EncordBitmask.ToCoco(encord, h, w);
        Assert.Equal(coco, rle.ToCompressedString());
        Assert.Equal(encord, EncordBitmask.FromCoco(rle));
    }

    [Theory]
    [InlineData(new uint[] { 100000, 5, 3, 7 }, "PeQ3532")]
    [InlineData(new uint[] { 5, 1000, 2, 10, 400 }, "5Xo02RQO^<")]
    [InlineData(new uint[] { 2, 3, 1, 1 }, "231N")]
    [InlineData(new uint[] { 32, 2, 8, 2, 8, 2, 46 }, "P128000V1")]
    public void String_codec_vectors(uint[] counts, string text)
    {
        Assert.Equal(text, RleStringCodec.Encode(counts));
        Assert.Equal(counts, RleStringCodec.Decode(text));
    }

    [Fact]
    public void Seven_character_tokens_round_trip_where_the_C_decoder_fails()
    {
        // A negative delta below -2^29 needs 7 characters; pycocotools' 32-bit shift gets it wrong, we do not.
        uint[] counts = [0, 1, 0x7000_0000, 2, 5];
        Assert.Equal(counts, RleStringCodec.Decode(RleStringCodec.Encode(counts)));
    }

    [Theory]
    [InlineData("0p", "'p'")]
    [InlineData("0 1", "' '")]
    [InlineData("P", "ends inside a token")]
    [InlineData("ooooooooooooo1", "too long")]
    [InlineData("00N", "outside")]
    public void Malformed_strings_give_a_clear_error(string text, string expected)
    {
        var error = Assert.Throws<MaskFormatException>(() => RleStringCodec.Decode(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_past_the_frame_are_refused_without_overrun()
    {
        var error = Assert.Throws<MaskFormatException>(() => EncordBitmask.ToCoco("0:", 2, 2));
        Assert.Contains("they cover 10 pixels, but h×w = 2×2 = 4", error.Message, StringComparison.Ordinal);
        Assert.False(CocoRle.TryFromCompressedString("3", 2, 2, out _, out var message));
        Assert.Contains("2×2 = 4", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_masks_round_trip_in_both_orders_and_match_the_scalar_encoder()
    {
        var random = new Random(20261125);
        for (var trial = 0; trial < 300; trial++)
        {
            int h = random.Next(1, 40), w = random.Next(1, 40);
            var density = random.NextDouble();
            var rowMajor = new byte[h * w];
            for (var i = 0; i < rowMajor.Length; i++)
            {
                rowMajor[i] = random.NextDouble() < density ? (byte)1 : (byte)0;
            }
            var encord = EncordBitmask.Encode(rowMajor);
            var coco = EncordBitmask.ToCoco(encord, h, w);
            Assert.Equal(encord, EncordBitmask.FromCoco(coco));
            var columnMajor = new byte[h * w];
            ByteTranspose.Transpose(rowMajor, columnMajor, h, w);
            Assert.Equal(Reference.Runs(columnMajor), coco.Counts.ToArray());
            var decoded = new byte[h * w];
            coco.DecodeRowMajor(decoded);
            Assert.Equal(rowMajor, decoded);
            Assert.Equal((uint)rowMajor.Count(b => b == 1), coco.Area);
            Assert.Equal(coco, CocoRle.FromCompressedString(coco.ToCompressedString(), h, w), RleComparer.Instance);
            Assert.Equal(ScanBbox(rowMajor, h, w), coco.ToBbox());
        }
    }

    [Fact]
    public void Merge_agrees_with_pixelwise_or_and_and()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            int h = random.Next(1, 30), w = random.Next(1, 30);
            var a = RandomMask(random, h * w);
            var b = RandomMask(random, h * w);
            var ra = CocoRle.EncodeColumnMajor(a, h, w);
            var rb = CocoRle.EncodeColumnMajor(b, h, w);
            var or = a.Zip(b, (x, y) => (byte)(x | y)).ToArray();
            var and = a.Zip(b, (x, y) => (byte)(x & y)).ToArray();
            Assert.Equal(CocoRle.EncodeColumnMajor(or, h, w).Counts.ToArray(), RleOperations.Merge([ra, rb], intersect: false).Counts.ToArray());
            Assert.Equal(CocoRle.EncodeColumnMajor(and, h, w).Counts.ToArray(), RleOperations.Merge([ra, rb], intersect: true).Counts.ToArray());
            var minus = a.Zip(b, (x, y) => (byte)(x & (1 - y))).ToArray();
            Assert.Equal(CocoRle.EncodeColumnMajor(minus, h, w).Counts.ToArray(), RleOperations.Subtract(ra, rb).Counts.ToArray());
        }
    }

    private static byte[] RandomMask(Random random, int length)
    {
        var density = random.NextDouble();
        var mask = new byte[length];
        for (var i = 0; i < length; i++)
        {
            mask[i] = random.NextDouble() < density ? (byte)1 : (byte)0;
        }
        return mask;
    }

    private static double[] ScanBbox(byte[] rowMajor, int h, int w)
    {
        int xs = w, ys = h, xe = -1, ye = -1;
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                if (rowMajor[(r * w) + c] == 1)
                {
                    xs = Math.Min(xs, c);
                    xe = Math.Max(xe, c);
                    ys = Math.Min(ys, r);
                    ye = Math.Max(ye, r);
                }
            }
        }
        return xe < 0 ? [0, 0, 0, 0] : [xs, ys, xe - xs + 1, ye - ys + 1];
    }

    private sealed class RleComparer : IEqualityComparer<CocoRle>
    {
        public static readonly RleComparer Instance = new();

        public bool Equals(CocoRle? x, CocoRle? y) => x!.Height == y!.Height && x.Width == y.Width && x.Counts.SequenceEqual(y.Counts);

        public int GetHashCode(CocoRle obj) => obj.Height;
    }
}
