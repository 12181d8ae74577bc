using System.Diagnostics.CodeAnalysis;

namespace Labelport.Core.Masks;

/// <summary>
/// A COCO run-length encoded mask (pycocotools' <c>RLE</c>): <see cref="Height"/> rows, <see cref="Width"/>
/// columns, and run lengths over the pixels in column-major order, starting with a run of zeros (possibly 0).
/// Immutable; the counts always sum to h×w (checked on construction), so no operation can overrun.
/// </summary>
public sealed class CocoRle : IEquatable<CocoRle>
{
    private readonly uint[] _counts;

    private CocoRle(int height, int width, uint[] counts, bool trusted)
    {
        _ = trusted;
        Height = height;
        Width = width;
        _counts = counts;
    }

    /// <summary>
    /// A mask from counts (copied). Unlike pycocotools, the counts must sum to h×w.
    /// </summary>
    /// <exception cref="MaskFormatException">Negative/too large size or counts that do not sum to h×w.</exception>
    public CocoRle(int height, int width, uint[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!TryFromCounts(height, width, counts, out _, out var error))
        {
            throw new MaskFormatException(error);
        }
        Height = height;
        Width = width;
        _counts = (uint[])counts.Clone();
    }

    /// <summary>The result of merging no masks or masks of different sizes (pycocotools: h = w = 0, no counts).</summary>
    public static CocoRle Empty { get; } = new(0, 0, Array.Empty<uint>(), trusted: true);

    public int Height { get; }

    public int Width { get; }

    /// <summary>Run lengths, column-major, first run = background.</summary>
    public ReadOnlySpan<uint> Counts => _counts;

    public long PixelCount => (long)Height * Width;

    /// <summary>Number of foreground pixels (pycocotools <c>area</c>).</summary>
    public uint Area => RleGeometry.Area(_counts);

    /// <summary>pycocotools <c>toBbox</c> for canonical counts; see <see cref="RleGeometry.BoundingBox"/> for the policy on zero-length runs.</summary>
    public RleBoundingBox BoundingBox => RleGeometry.BoundingBox(_counts, Height, Width);

    /// <summary>Counts as given (zero-length runs are kept); they must sum to h×w.</summary>
    /// <exception cref="MaskFormatException">Negative/too large size or counts that do not sum to h×w.</exception>
    public static CocoRle FromCounts(int height, int width, ReadOnlySpan<uint> counts)
        => TryFromCounts(height, width, counts, out var rle, out var error) ? rle : throw new MaskFormatException(error);

    public static bool TryFromCounts(int height, int width, ReadOnlySpan<uint> counts, [NotNullWhen(true)] out CocoRle? rle, out string error)
    {
        rle = null;
        if (!RleSize.TryGetPixelCount(height, width, out var pixels, out error))
        {
            return false;
        }
        long sum = 0;
        foreach (var count in counts)
        {
            sum += count;
        }
        if (sum != pixels)
        {
            error = $"Counts sum to {sum} pixels, but h×w = {height}×{width} = {pixels}.";
            return false;
        }
        rle = new CocoRle(height, width, counts.ToArray(), trusted: true);
        return true;
    }

    /// <summary>Decodes a compressed counts string (pycocotools <c>frString</c>; JSON unescaping is the caller's).</summary>
    /// <exception cref="MaskFormatException">Malformed string or counts that do not sum to h×w.</exception>
    public static CocoRle FromCompressedString(ReadOnlySpan<char> counts, int height, int width)
        => new(height, width, RleStringCodec.Parse(counts, height, width), trusted: true);

    /// <inheritdoc cref="FromCompressedString(ReadOnlySpan{char}, int, int)"/>
    public static CocoRle FromCompressedString(ReadOnlySpan<byte> utf8Counts, int height, int width)
        => new(height, width, RleStringCodec.Parse(utf8Counts, height, width), trusted: true);

    public static bool TryFromCompressedString(ReadOnlySpan<char> counts, int height, int width, [NotNullWhen(true)] out CocoRle? rle, out string error)
    {
        rle = RleStringCodec.TryParse(counts, height, width, out var parsed, out error) ? new CocoRle(height, width, parsed, trusted: true) : null;
        return rle is not null;
    }

    /// <summary>pycocotools <c>encode</c> of one h×w mask; any non-zero byte is foreground.</summary>
    public static CocoRle Encode(ReadOnlySpan<byte> mask, int height, int width, MaskOrder order = MaskOrder.ColumnMajor)
    {
        // Pooled: a large first rent is reused across calls, so noisy masks do not grow the buffer step by step.
        using var runs = new RunBuffer((int)Math.Min(mask.Length + 1L, 1 << 21));
        MaskLayout.EncodeColumnMajor(mask, height, width, order, runs);
        return new CocoRle(height, width, runs.ToArray(), trusted: true);
    }

    /// <summary>
    /// <see cref="Encode"/> into caller-owned memory (no allocation): the counts are <c>destination[..written]</c>.
    /// A mask of n pixels has at most n + 1 runs; false (and <paramref name="written"/> = 0) when
    /// <paramref name="destination"/> is too short for this mask.
    /// </summary>
    public static bool TryEncode(ReadOnlySpan<byte> mask, int height, int width, Span<uint> destination, out int written, MaskOrder order = MaskOrder.ColumnMajor)
    {
        using var runs = new RunBuffer((int)Math.Min(mask.Length + 1L, 1 << 21));
        MaskLayout.EncodeColumnMajor(mask, height, width, order, runs);
        if (!runs.Span.TryCopyTo(destination))
        {
            written = 0;
            return false;
        }
        written = runs.Count;
        return true;
    }

    /// <summary>pycocotools <c>rleFrPoly</c>: one polygon, flat <c>[x0, y0, x1, y1, ...]</c> in pixels (odd length: last number ignored).</summary>
    public static CocoRle FromPolygon(ReadOnlySpan<double> xy, int height, int width)
    {
        using var runs = new RunBuffer(256);
        PolygonRasterizer.Rasterize(xy, height, width, runs);
        return new CocoRle(height, width, runs.ToArray(), trusted: true);
    }

    /// <summary>pycocotools <c>rleFrBbox</c>: the box <c>[x, y, w, h]</c> rasterised as the polygon (x,y) (x,y+h) (x+w,y+h) (x+w,y).</summary>
    public static CocoRle FromBox(RleBoundingBox box, int height, int width)
    {
        double xs = box.X, xe = xs + box.Width, ys = box.Y, ye = ys + box.Height;
        ReadOnlySpan<double> polygon = [xs, ys, xs, ye, xe, ye, xe, ys];
        return FromPolygon(polygon, height, width);
    }

    /// <summary>pycocotools <c>merge</c>: union (or intersection) of n masks. n = 0 or different sizes → <see cref="Empty"/>.</summary>
    public static CocoRle Merge(ReadOnlySpan<CocoRle> masks, bool intersect)
    {
        if (masks.IsEmpty)
        {
            return Empty;
        }
        if (masks.Length == 1)
        {
            return masks[0];
        }
        var (height, width) = (masks[0].Height, masks[0].Width);
        foreach (var mask in masks)
        {
            if (mask.Height != height || mask.Width != width)
            {
                return Empty;
            }
        }
        using var result = new RunBuffer(masks[0]._counts.Length + masks[1]._counts.Length + 1);
        RleMerge.Merge(masks[0]._counts, masks[1]._counts, intersect ? RleMergeOperation.Intersection : RleMergeOperation.Union, result);
        if (masks.Length == 2)
        {
            return new CocoRle(height, width, result.ToArray(), trusted: true);
        }
        using var scratch = new RunBuffer(result.Count + masks[2]._counts.Length + 1);
        var (current, other) = (result, scratch);
        for (var i = 2; i < masks.Length; i++)
        {
            RleMerge.Merge(current.Span, masks[i]._counts, intersect ? RleMergeOperation.Intersection : RleMergeOperation.Union, other);
            (current, other) = (other, current);
        }
        return new CocoRle(height, width, current.ToArray(), trusted: true);
    }

    /// <summary>Pixels of this mask that are not in <paramref name="other"/> (same size required).</summary>
    public CocoRle Subtract(CocoRle other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Height != Height || other.Width != Width)
        {
            throw new MaskFormatException($"Cannot subtract a {other.Height}×{other.Width} mask from a {Height}×{Width} mask.");
        }
        using var result = new RunBuffer(_counts.Length + other._counts.Length);
        RleMerge.Merge(_counts, other._counts, RleMergeOperation.Difference, result);
        return new CocoRle(Height, Width, result.ToArray(), trusted: true);
    }

    public static CocoRle EncodeColumnMajor(ReadOnlySpan<byte> pixels, int height, int width) => Encode(pixels, height, width, MaskOrder.ColumnMajor);

    public static CocoRle EncodeRowMajor(ReadOnlySpan<byte> pixels, int height, int width) => Encode(pixels, height, width, MaskOrder.RowMajor);

    public void DecodeColumnMajor(Span<byte> destination) => Decode(destination, MaskOrder.ColumnMajor);

    public void DecodeRowMajor(Span<byte> destination) => Decode(destination, MaskOrder.RowMajor);

    /// <summary>Sum of the counts (= h×w for every instance).</summary>
    public long CountsSum() => PixelCount;

    /// <summary><see cref="BoundingBox"/> as pycocotools' <c>[x, y, w, h]</c> array.</summary>
    public double[] ToBbox()
    {
        var box = BoundingBox;
        return [box.X, box.Y, box.Width, box.Height];
    }

    /// <summary>The complement mask (background ⇄ foreground).</summary>
    public CocoRle Invert()
    {
        if (_counts.Length == 0)
        {
            return this;
        }
        if (_counts[0] == 0 && _counts.Length > 1)
        {
            return new CocoRle(Height, Width, _counts[1..], trusted: true);
        }
        return new CocoRle(Height, Width, [0, .. _counts], trusted: true);
    }

    /// <summary>The compressed counts string (pycocotools <c>toString</c>).</summary>
    public string ToCompressedString() => RleStringCodec.ToString(_counts);

    public int GetMaxCompressedByteCount() => RleStringCodec.GetMaxByteCount(_counts.Length);

    /// <summary>Writes the compressed string as UTF-8 (e.g. for <c>Utf8JsonWriter.WriteStringValue</c>, which escapes '\').</summary>
    public int WriteCompressed(Span<byte> utf8Destination) => RleStringCodec.Write(_counts, utf8Destination);

    /// <summary>pycocotools <c>decode</c>: a new 0/1 byte mask in the requested order.</summary>
    public byte[] Decode(MaskOrder order = MaskOrder.ColumnMajor)
    {
        var mask = new byte[RleSize.BufferLength(Height, Width)];
        Decode(mask, order);
        return mask;
    }

    /// <summary>Writes the 0/1 mask into <paramref name="destination"/> (exactly h×w bytes).</summary>
    public void Decode(Span<byte> destination, MaskOrder order = MaskOrder.ColumnMajor)
        => MaskLayout.DecodeColumnMajor(_counts, Height, Width, order, destination);

    /// <summary>Takes ownership of counts already validated by the caller (sum = h×w).</summary>
    internal static CocoRle FromTrustedCounts(int height, int width, uint[] counts) => new(height, width, counts, trusted: true);

    internal uint[] CountsArray => _counts;

    public bool Equals(CocoRle? other)
        => other is not null && other.Height == Height && other.Width == Width && other._counts.AsSpan().SequenceEqual(_counts);

    public override bool Equals(object? obj) => Equals(obj as CocoRle);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Height);
        hash.Add(Width);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_counts.AsSpan()));
        return hash.ToHashCode();
    }

    public override string ToString() => $"CocoRle {Height}x{Width}, {_counts.Length} runs, area {Area}";
}
