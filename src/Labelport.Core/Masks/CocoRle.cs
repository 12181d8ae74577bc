using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>
/// A COCO run-length encoded mask (pycocotools' <c>RLE</c>): <see cref="Height"/> rows, <see cref="Width"/> columns,
/// pixels in column-major order, <see cref="Counts"/> alternating runs of zeros and ones starting with zeros.
/// Every operation matches pycocotools' C mask API (<c>maskApi.c</c>) case for case; see docs/masks.md.
/// </summary>
public sealed class CocoRle
{
    public CocoRle(int height, int width, uint[] counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentNullException.ThrowIfNull(counts);
        Height = height;
        Width = width;
        Counts = counts;
    }

    public int Height { get; }

    public int Width { get; }

    public uint[] Counts { get; }

    public long PixelCount => (long)Height * Width;

    /// <summary>The empty 0×0 mask (what <c>rleMerge</c> gives for inputs of different sizes).</summary>
    public static CocoRle Empty { get; } = new(0, 0, []);

    /// <summary><c>rleEncode</c> of a column-major mask (<c>np.asfortranarray</c> layout).</summary>
    public static CocoRle EncodeColumnMajor(ReadOnlySpan<byte> pixels, int height, int width)
    {
        CheckLength(pixels.Length, height, width);
        return new CocoRle(height, width, RunLengthEncoder.Encode(pixels));
    }

    /// <summary>Encodes a row-major (C order) mask: transposes into a pooled buffer, then encodes.</summary>
    public static CocoRle EncodeRowMajor(ReadOnlySpan<byte> pixels, int height, int width)
    {
        CheckLength(pixels.Length, height, width);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, pixels.Length));
        try
        {
            RunLengthEncoder.Transpose(pixels, buffer, height, width);
            return new CocoRle(height, width, RunLengthEncoder.Encode(buffer.AsSpan(0, pixels.Length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>rleDecode</c>: writes 0/1 bytes in column-major order. Counts must cover exactly h×w pixels.</summary>
    public void DecodeColumnMajor(Span<byte> destination)
    {
        CheckLength(destination.Length, Height, Width);
        if (!RunLengthEncoder.TryDecode(Counts, destination))
        {
            throw new MaskFormatException(CountsMismatch());
        }
    }

    public void DecodeRowMajor(Span<byte> destination)
    {
        CheckLength(destination.Length, Height, Width);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, destination.Length));
        try
        {
            DecodeColumnMajor(buffer.AsSpan(0, destination.Length));
            RunLengthEncoder.Transpose(buffer.AsSpan(0, destination.Length), destination, Width, Height);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>rleToString</c>.</summary>
    public string ToCompressedString() => RleStringCodec.Encode(Counts);

    /// <summary><c>rleFrString</c>, checked: the counts must sum to h×w (pycocotools does not check; we never overrun).</summary>
    public static CocoRle FromCompressedString(string text, int height, int width)
    {
        if (!TryFromCompressedString(text, height, width, out var rle, out var error))
        {
            throw new MaskFormatException(error!);
        }
        return rle;
    }

    public static bool TryFromCompressedString(string text, int height, int width, out CocoRle rle, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        rle = Empty;
        var counts = new List<uint>();
        if (!RleStringCodec.TryDecode(text, counts, out error))
        {
            return false;
        }
        var candidate = new CocoRle(height, width, [.. counts]);
        if (candidate.CountsSum() != candidate.PixelCount)
        {
            error = candidate.CountsMismatch();
            return false;
        }
        rle = candidate;
        return true;
    }

    /// <summary>From uncompressed counts (COCO <c>iscrowd</c> JSON); unchecked like <c>frUncompressedRLE</c>.</summary>
    public static CocoRle FromCounts(int height, int width, uint[] counts) => new(height, width, counts);

    public long CountsSum()
    {
        long sum = 0;
        foreach (var c in Counts)
        {
            sum += c;
        }
        return sum;
    }

    /// <summary><c>rleArea</c>: the number of set pixels (uint32 arithmetic, as in C).</summary>
    public uint Area
    {
        get
        {
            uint area = 0;
            for (var i = 1; i < Counts.Length; i += 2)
            {
                area += Counts[i];
            }
            return area;
        }
    }

    /// <summary>
    /// <c>rleToBbox</c> of cocoapi: <c>[x, y, w, h]</c> with inclusive pixel extents; a run that wraps from the bottom of
    /// one column into the next forces full height; fewer than two counts → zeros. Non-canonical input (zero-length
    /// runs) follows cocoapi exactly, quirks included (see docs/masks.md).
    /// </summary>
    public double[] ToBbox()
    {
        var m = Counts.Length & ~1;
        if (m == 0)
        {
            return [0, 0, 0, 0];
        }
        var h = (uint)Height;
        uint xs = (uint)Width, ys = h, xe = 0, ye = 0, cc = 0, xp = 0;
        for (var j = 0; j < m; j++)
        {
            cc += Counts[j];
            var t = cc - (uint)(j % 2);
            var y = t % h;
            var x = (t - y) / h;
            if (j % 2 == 0)
            {
                xp = x;
            }
            else if (xp < x)
            {
                ys = 0;
                ye = h - 1;
            }
            xs = Math.Min(xs, x);
            xe = Math.Max(xe, x);
            ys = Math.Min(ys, y);
            ye = Math.Max(ye, y);
        }
        return [xs, ys, xe - xs + 1, ye - ys + 1];
    }

    /// <summary>The complement mask (every pixel flipped), canonical when this one is.</summary>
    public CocoRle Invert()
    {
        if (Counts.Length == 0)
        {
            return this;
        }
        if (Counts[0] == 0)
        {
            return new CocoRle(Height, Width, Counts[1..]);
        }
        var counts = new uint[Counts.Length + 1];
        Counts.CopyTo(counts, 1);
        return new CocoRle(Height, Width, counts);
    }

    private static void CheckLength(int length, int height, int width)
    {
        if ((long)height * width != length)
        {
            throw new ArgumentException("a " + height + "×" + width + " mask has " + ((long)height * width) + " pixels, not " + length);
        }
    }

    private string CountsMismatch() =>
        "RLE counts sum to " + CountsSum() + " pixels but the mask is " + Height + "×" + Width + " = " + PixelCount;
}
