using System.Buffers.Binary;
using CsCheck;
using Labelport.Core.Masks;
using Labelport.Tests.Shared;

namespace Labelport.Core.Tests.Masks;

/// <summary>PNG reader on files written by ImageMagick (every colour type, depth, filter, Adam7), writer round trips.</summary>
public sealed class PngTests
{
    [Theory]
    [InlineData("gray1.png")]
    [InlineData("gray2.png")]
    [InlineData("gray4.png")]
    [InlineData("gray8.png")]
    [InlineData("gray16.png")]
    [InlineData("rgb8.png")]
    [InlineData("rgb16.png")]
    [InlineData("palette2.png")]
    [InlineData("palette4.png")]
    [InlineData("palette8.png")]
    [InlineData("grayalpha8.png")]
    [InlineData("grayalpha16.png")]
    [InlineData("rgba8.png")]
    [InlineData("rgba16.png")]
    [InlineData("gray8-interlaced.png")]
    [InlineData("gray1-interlaced.png")]
    [InlineData("rgba16-interlaced.png")]
    [InlineData("gray8-filter0.png")]
    [InlineData("gray8-filter1.png")]
    [InlineData("gray8-filter2.png")]
    [InlineData("gray8-filter3.png")]
    [InlineData("gray8-filter4.png")]
    [InlineData("rgb8-adaptive.png")]
    public void Binary_pngs_of_every_format_read_as_the_pattern(string file)
    {
        var (h, w, expected) = Expected("pattern.txt");
        var mask = Read(file);
        Assert.Equal((h, w), (mask.Height, mask.Width));
        Assert.Equal(expected, mask.RowMajor);
        Assert.True(mask.IsBinary);
    }

    [Theory]
    [InlineData("noisy-gray8.png")]
    [InlineData("noisy-gray16.png")]
    [InlineData("noisy-rgb8-interlaced.png")]
    [InlineData("noisy-gray8-average.png")]
    public void Many_level_pngs_are_thresholded_at_zero_and_reported_non_binary(string file)
    {
        var (h, w, expected) = Expected("noisy.txt");
        var mask = Read(file);
        Assert.Equal((h, w), (mask.Height, mask.Width));
        Assert.Equal(expected, mask.RowMajor);
        Assert.False(mask.IsBinary);
    }

    [Fact]
    public void Two_grey_levels_are_not_binary()
    {
        var (_, _, expected) = Expected("pattern.txt");
        var mask = Read("levels-gray8.png");
        Assert.Equal(expected, mask.RowMajor);
        Assert.False(mask.IsBinary);
    }

    [Fact]
    public void Written_pngs_read_back_identically()
    {
        var gen = from h in Gen.Int[1, 40]
                  from w in Gen.Int[1, 40]
                  from seed in Gen.Int
                  select RandomMasks.Make(h, w, seed & 7 % 7, seed);
        gen.Sample(m =>
        {
            var rowMajor = m.RowMajor();
            using var stream = new MemoryStream();
            PngWriter.WriteMask(stream, rowMajor, m.H, m.W);
            stream.Position = 0;
            var read = PngReader.ReadMask(stream);
            Assert.Equal((m.H, m.W), (read.Height, read.Width));
            Assert.Equal(rowMajor.Select(b => b != 0 ? (byte)1 : (byte)0), read.RowMajor);
            Assert.True(read.IsBinary);
        }, iter: 300);
    }

    [Fact]
    public void Written_rgb_pngs_read_back_as_their_non_black_pixels()
    {
        var gen = from h in Gen.Int[1, 30]
                  from w in Gen.Int[1, 30]
                  from rgb in Gen.Byte.Array[h * w * 3]
                  select (h, w, rgb);
        gen.Sample(t =>
        {
            using var stream = new MemoryStream();
            PngWriter.WriteRgb(stream, t.rgb, t.h, t.w);
            stream.Position = 0;
            var read = PngReader.ReadMask(stream);
            Assert.Equal((t.h, t.w), (read.Height, read.Width));
            var expected = Enumerable.Range(0, t.h * t.w).Select(i => t.rgb[i * 3] != 0 || t.rgb[(i * 3) + 1] != 0 || t.rgb[(i * 3) + 2] != 0 ? (byte)1 : (byte)0);
            Assert.Equal(expected, read.RowMajor);
        }, iter: 200);
        Assert.Throws<ArgumentException>(() => PngWriter.WriteRgb(new MemoryStream(), new byte[5], 1, 2));
    }

    [Fact]
    public void Corrupt_pngs_give_a_domain_error()
    {
        var good = File.ReadAllBytes(TestData.PathOf("masks", "gray8.png"));
        Assert.Contains("signature", Fails([1, 2, 3]).Message, StringComparison.Ordinal);
        Assert.Contains("CRC mismatch", Fails(Flip(good, 20)).Message, StringComparison.Ordinal);
        Assert.Contains("without an IEND", Fails(good[..^12]).Message, StringComparison.Ordinal);
        var idat = good.AsSpan().IndexOf("IDAT"u8);
        Assert.Contains("chunk IDAT at byte " + (idat - 4) + " is truncated", Fails(good[..(idat + 10)]).Message, StringComparison.Ordinal);

        // a valid chunk structure around bad contents
        Assert.Contains("colour type 2 with bit depth 4", Fails(Png(Ihdr(3, 3, 4, 2), [])).Message, StringComparison.Ordinal);
        Assert.Contains("exceeds the limit", Fails(Png(Ihdr(100_000, 100_000, 8, 0), [])).Message, StringComparison.Ordinal);
        Assert.Contains("no image data", Fails(Png(Ihdr(3, 3, 8, 0), [])).Message, StringComparison.Ordinal);
        Assert.Contains("not valid zlib", Fails(Png(Ihdr(3, 3, 8, 0), [9, 9, 9, 9])).Message, StringComparison.Ordinal);
        Assert.Contains("ends early", Fails(Png(Ihdr(3, 3, 8, 0), Zlib([0, 1, 2, 3]))).Message, StringComparison.Ordinal);
        Assert.Contains("unknown filter type 7", Fails(Png(Ihdr(1, 1, 8, 0), Zlib([7, 1]))).Message, StringComparison.Ordinal);
        Assert.Contains("no PLTE", Fails(Png(Ihdr(1, 1, 8, 3), Zlib([0, 1]))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_byte_damage_never_escapes_as_another_exception()
    {
        var good = File.ReadAllBytes(TestData.PathOf("masks", "noisy-gray8.png"));
        Gen.Select(Gen.Int[0, good.Length - 1], Gen.Byte, Gen.Int[8, good.Length]).Sample((position, value, length) =>
        {
            var bad = (byte[])good.Clone();
            bad[position] = value;
            try
            {
                _ = PngReader.ReadMask(new MemoryStream(bad[..length]));
            }
            catch (MaskFormatException)
            {
            }
        }, iter: 2000);
    }

    private static MaskFormatException Fails(byte[] bytes) => Assert.Throws<MaskFormatException>(() => PngReader.ReadMask(new MemoryStream(bytes)));

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= 0x40;
        return copy;
    }

    private static byte[] Ihdr(int w, int h, byte depth, byte type)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(data, w);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4), h);
        data[8] = depth;
        data[9] = type;
        return data;
    }

    private static byte[] Zlib(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }
        return output.ToArray();
    }

    /// <summary>A chunk-level valid PNG (signature, IHDR, optional IDAT, IEND, CRCs right).</summary>
    private static byte[] Png(byte[] ihdr, byte[] idat)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(output, "IHDR", ihdr);
        if (idat.Length > 0)
        {
            Chunk(output, "IDAT", idat);
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        output.Write(header);
        output.Write(typeBytes);
        output.Write(data);
        // CRC-32 computed independently of the reader's table: bitwise.
        uint crc = 0xFFFFFFFF;
        foreach (var b in typeBytes.Concat(data))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }
        BinaryPrimitives.WriteUInt32BigEndian(header, ~crc);
        output.Write(header);
    }

    private static PngMask Read(string file)
    {
        using var stream = File.OpenRead(TestData.PathOf("masks", file));
        return PngReader.ReadMask(stream);
    }

    private static (int H, int W, byte[] RowMajor) Expected(string file)
    {
        var lines = File.ReadAllLines(TestData.PathOf("masks", file)).Where(l => l.Length > 0).ToArray();
        return (lines.Length, lines[0].Length, [.. lines.SelectMany(l => l.Select(c => c == '#' ? (byte)1 : (byte)0))]);
    }
}
