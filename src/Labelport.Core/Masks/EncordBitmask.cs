using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Labelport.Core.Masks;

/// <summary>
/// Encord bitmasks: <c>rleString</c> is the COCO counts string over the mask flattened in row-major order
/// (spec encord-json.md §11). Conversions to and from COCO's column-major RLE work on runs (no h×w buffer)
/// when the mask has few runs, and through a byte mask otherwise; both give identical results.
/// </summary>
public static class EncordBitmask
{
    private const int DirectRunRatio = 16;

    /// <summary>Encord <c>rleString</c> of an h×w mask → COCO RLE (column-major counts).</summary>
    /// <exception cref="MaskFormatException">Malformed string, or counts that do not sum to h×w.</exception>
    public static CocoRle ToCoco(ReadOnlySpan<char> rleString, int height, int width)
        => ToCoco(RleStringCodec.Parse(rleString, height, width), height, width);

    /// <inheritdoc cref="ToCoco(ReadOnlySpan{char}, int, int)"/>
    public static CocoRle ToCoco(ReadOnlySpan<byte> utf8RleString, int height, int width)
        => ToCoco(RleStringCodec.Parse(utf8RleString, height, width), height, width);

    public static bool TryToCoco(ReadOnlySpan<char> rleString, int height, int width, [NotNullWhen(true)] out CocoRle? rle, out string error)
    {
        rle = RleStringCodec.TryParse(rleString, height, width, out var rowCounts, out error) ? ToCoco(rowCounts, height, width) : null;
        return rle is not null;
    }

    /// <summary>COCO RLE → Encord <c>rleString</c> (row-major runs).</summary>
    public static string FromCoco(CocoRle rle)
    {
        ArgumentNullException.ThrowIfNull(rle);
        if (rle.PixelCount == 0)
        {
            return string.Empty; // Encord writes "" for a mask without pixels
        }
        using var rowRuns = new RunBuffer(rle.Counts.Length + 16);
        if (rle.Counts.Length <= rle.PixelCount / DirectRunRatio)
        {
            RunTranspose.Transpose(rle.Counts, rle.Width, rle.Height, rowRuns);
        }
        else
        {
            RowRunsMaterialized(rle, rowRuns);
        }
        return RleStringCodec.ToString(rowRuns.Span);
    }

    /// <summary>Encord <c>rleString</c> of a row-major mask (any non-zero byte is foreground).</summary>
    public static string Encode(ReadOnlySpan<byte> rowMajorMask, int height, int width)
    {
        var n = RleSize.BufferLength(height, width);
        if (rowMajorMask.Length != n)
        {
            throw new ArgumentException($"Mask has {rowMajorMask.Length} bytes, expected {height}×{width} = {n}.", nameof(rowMajorMask));
        }
        using var runs = new RunBuffer(1024);
        MaskRunEncoder.Encode(rowMajorMask, runs);
        return n == 0 ? string.Empty : RleStringCodec.ToString(runs.Span);
    }

    /// <summary>Encord <c>rleString</c> of a row-major mask of any shape (runs only; "" for no pixels).</summary>
    public static string Encode(ReadOnlySpan<byte> rowMajorMask)
    {
        if (rowMajorMask.IsEmpty)
        {
            return string.Empty;
        }
        using var runs = new RunBuffer((int)Math.Min(rowMajorMask.Length + 1L, 1 << 21));
        MaskRunEncoder.Encode(rowMajorMask, runs);
        return RleStringCodec.ToString(runs.Span);
    }

    /// <summary>Decodes an Encord <c>rleString</c> into a row-major 0/1 mask of exactly h×w bytes.</summary>
    public static void DecodeRowMajor(ReadOnlySpan<char> rleString, int height, int width, Span<byte> destination)
    {
        var counts = RleStringCodec.Parse(rleString, height, width);
        if (destination.Length != (long)height * width)
        {
            throw new ArgumentException($"Destination has {destination.Length} bytes, expected {height}×{width}.", nameof(destination));
        }
        MaskRunDecoder.Decode(counts, destination);
    }

    /// <summary>Decodes an Encord <c>rleString</c> to a row-major 0/1 mask.</summary>
    public static byte[] Decode(ReadOnlySpan<char> rleString, int height, int width)
    {
        var counts = RleStringCodec.Parse(rleString, height, width);
        var mask = new byte[RleSize.BufferLength(height, width)];
        MaskRunDecoder.Decode(counts, mask);
        return mask;
    }

    internal static CocoRle ToCoco(uint[] rowCounts, int height, int width)
    {
        using var columnRuns = new RunBuffer(rowCounts.Length + 16);
        ToColumnRuns(rowCounts, height, width, columnRuns);
        return CocoRle.FromTrustedCounts(height, width, columnRuns.ToArray());
    }

    /// <summary>Row runs → column runs, on runs when the mask has few of them, through the byte mask otherwise.</summary>
    private static void ToColumnRuns(ReadOnlySpan<uint> rowCounts, int height, int width, RunBuffer columnRuns)
    {
        if (rowCounts.Length <= (long)height * width / DirectRunRatio)
        {
            RunTranspose.Transpose(rowCounts, height, width, columnRuns);
        }
        else
        {
            ColumnRunsMaterialized(rowCounts, height, width, columnRuns);
        }
    }

    /// <summary>
    /// Encord <c>rleString</c> → COCO column-major runs in <paramref name="columnRuns"/>, through pooled buffers only
    /// (what the COCO writer uses: area, bbox and the counts string are then computed from the runs).
    /// </summary>
    internal static bool TryToCocoRuns(ReadOnlySpan<char> rleString, int height, int width, RunBuffer columnRuns, out string error)
    {
        using var rowRuns = new RunBuffer(256);
        if (!RleStringCodec.TryParse(rleString, height, width, rowRuns, out error))
        {
            columnRuns.Count = 0;
            return false;
        }
        ToColumnRuns(rowRuns.Span, height, width, columnRuns);
        return true;
    }

    /// <summary>Run transpose: rows of length w → columns of length h.</summary>
    internal static CocoRle ToCocoDirect(ReadOnlySpan<uint> rowCounts, int height, int width)
    {
        using var columnRuns = new RunBuffer(rowCounts.Length + 16);
        RunTranspose.Transpose(rowCounts, height, width, columnRuns);
        return CocoRle.FromTrustedCounts(height, width, columnRuns.ToArray());
    }

    /// <summary>Decode to a row-major byte mask, transpose the bytes, encode column-major.</summary>
    internal static CocoRle ToCocoMaterialized(ReadOnlySpan<uint> rowCounts, int height, int width)
    {
        using var columnRuns = new RunBuffer(rowCounts.Length + 16);
        ColumnRunsMaterialized(rowCounts, height, width, columnRuns);
        return CocoRle.FromTrustedCounts(height, width, columnRuns.ToArray());
    }

    private static void ColumnRunsMaterialized(ReadOnlySpan<uint> rowCounts, int height, int width, RunBuffer columnRuns)
    {
        var n = RleSize.BufferLength(height, width);
        var rowMajor = ArrayPool<byte>.Shared.Rent(n);
        var columnMajor = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            MaskRunDecoder.Decode(rowCounts, rowMajor.AsSpan(0, n));
            ByteTranspose.Transpose(rowMajor.AsSpan(0, n), columnMajor.AsSpan(0, n), height, width);
            MaskRunEncoder.Encode(columnMajor.AsSpan(0, n), columnRuns);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rowMajor);
            ArrayPool<byte>.Shared.Return(columnMajor);
        }
    }

    internal static string FromCocoDirect(CocoRle rle)
    {
        if (rle.PixelCount == 0)
        {
            return string.Empty;
        }
        using var rowRuns = new RunBuffer(rle.Counts.Length + 16);
        RunTranspose.Transpose(rle.Counts, rle.Width, rle.Height, rowRuns);
        return RleStringCodec.ToString(rowRuns.Span);
    }

    internal static string FromCocoMaterialized(CocoRle rle)
    {
        if (rle.PixelCount == 0)
        {
            return string.Empty;
        }
        using var rowRuns = new RunBuffer(rle.Counts.Length + 16);
        RowRunsMaterialized(rle, rowRuns);
        return RleStringCodec.ToString(rowRuns.Span);
    }

    private static void RowRunsMaterialized(CocoRle rle, RunBuffer rowRuns)
    {
        var n = RleSize.BufferLength(rle.Height, rle.Width);
        var columnMajor = ArrayPool<byte>.Shared.Rent(n);
        var rowMajor = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            MaskRunDecoder.Decode(rle.Counts, columnMajor.AsSpan(0, n));
            ByteTranspose.Transpose(columnMajor.AsSpan(0, n), rowMajor.AsSpan(0, n), rle.Width, rle.Height);
            MaskRunEncoder.Encode(rowMajor.AsSpan(0, n), rowRuns);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(columnMajor);
            ArrayPool<byte>.Shared.Return(rowMajor);
        }
    }
}
