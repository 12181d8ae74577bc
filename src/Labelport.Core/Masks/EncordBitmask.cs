using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>
/// Encord's <c>rleString</c> (spec encord-json.md §11): the pycocotools string codec over the mask in <b>row-major</b>
/// order. Converts to and from COCO's column-major RLE.
/// </summary>
public static class EncordBitmask
{
    /// <summary>Decodes an Encord rleString into a row-major 0/1 mask of <paramref name="height"/>×<paramref name="width"/>.</summary>
    public static void DecodeRowMajor(string rleString, int height, int width, Span<byte> destination)
    {
        var counts = RleStringCodec.Decode(rleString);
        if ((long)height * width != destination.Length)
        {
            throw new ArgumentException("destination must hold height × width bytes", nameof(destination));
        }
        if (!RunLengthEncoder.TryDecode(counts, destination))
        {
            throw new MaskFormatException(Mismatch(counts, height, width));
        }
    }

    /// <summary>Encord row-major rleString → COCO column-major RLE (decode, transpose, encode; pooled buffers).</summary>
    public static CocoRle ToCoco(string rleString, int height, int width)
    {
        var pixels = (int)((long)height * width);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, pixels));
        try
        {
            var mask = buffer.AsSpan(0, pixels);
            DecodeRowMajor(rleString, height, width, mask);
            return CocoRle.EncodeRowMajor(mask, height, width);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>COCO column-major RLE → Encord row-major rleString.</summary>
    public static string FromCoco(CocoRle rle)
    {
        ArgumentNullException.ThrowIfNull(rle);
        var pixels = (int)rle.PixelCount;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, pixels));
        try
        {
            var mask = buffer.AsSpan(0, pixels);
            rle.DecodeRowMajor(mask);
            return RleStringCodec.Encode(RunLengthEncoder.Encode(mask));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Encodes a row-major 0/1 mask as an Encord rleString.</summary>
    public static string Encode(ReadOnlySpan<byte> rowMajor) => RleStringCodec.Encode(RunLengthEncoder.Encode(rowMajor));

    private static string Mismatch(uint[] counts, int height, int width)
    {
        long sum = 0;
        foreach (var c in counts)
        {
            sum += c;
        }
        return "rleString counts sum to " + sum + " pixels but the bitmask is " + height + "×" + width + " = " + ((long)height * width);
    }
}
