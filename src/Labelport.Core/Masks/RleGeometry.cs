namespace Labelport.Core.Masks;

/// <summary>Area and bounding box of RLE counts (pycocotools <c>rleArea</c>, <c>rleToBbox</c>).</summary>
internal static class RleGeometry
{
    /// <summary>Sum of the odd (foreground) counts. Exact: counts sum to h×w ≤ 2^32 - 1, so no uint32 wrap.</summary>
    public static uint Area(ReadOnlySpan<uint> counts)
    {
        ulong area = 0;
        for (var i = 1; i < counts.Length; i += 2)
        {
            area += counts[i];
        }
        return (uint)area;
    }

    /// <summary>
    /// Labelport's policy: the tight box of the set pixels, <c>[0,0,0,0]</c> when there are none. Zero-length
    /// runs are ignored, so non-canonical counts give the box of the pixels they decode to. For canonical counts
    /// this is exactly cocoapi's and PyPI's answer (both flavours agree there); for non-canonical counts it is
    /// PyPI's answer, except that PyPI returns <c>[w, h, 2^32-w+1, 2^32-h+1]</c> when no pixel is set.
    /// </summary>
    public static RleBoundingBox BoundingBox(ReadOnlySpan<uint> counts, int height, int width)
    {
        long xs = width, ys = height, xe = 0, ye = 0;
        var any = false;
        long position = 0;
        for (var j = 0; j < counts.Length; j++)
        {
            long length = counts[j];
            if ((j & 1) == 1 && length > 0)
            {
                var start = position;
                var end = position + length - 1;
                var xStart = start / height;
                var xEnd = end / height;
                xs = Math.Min(xs, xStart);
                xe = Math.Max(xe, xEnd);
                if (xStart < xEnd)
                {
                    // The run continues from the bottom of one column into the top of the next.
                    ys = 0;
                    ye = height - 1;
                }
                else
                {
                    ys = Math.Min(ys, start - (xStart * height));
                    ye = Math.Max(ye, end - (xEnd * height));
                }
                any = true;
            }
            position += length;
        }
        return any ? new RleBoundingBox(xs, ys, xe - xs + 1, ye - ys + 1) : RleBoundingBox.Empty;
    }

    /// <summary>
    /// cocoapi's <c>rleToBbox</c> verbatim (uint32 arithmetic), kept to document and test the answer we deliberately
    /// differ from on non-canonical counts: a zero-length one-run makes <c>cc - 1</c> wrap to 2^32 - 1.
    /// </summary>
    public static RleBoundingBox CocoApiBoundingBox(ReadOnlySpan<uint> counts, int height, int width)
    {
        var m = counts.Length / 2 * 2;
        if (m == 0 || height == 0)
        {
            return RleBoundingBox.Empty;
        }
        uint h = (uint)height, w = (uint)width;
        uint xs = w, ys = h, xe = 0, ye = 0, cc = 0, xp = 0;
        for (var j = 0; j < m; j++)
        {
            cc += counts[j];
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
            ys = Math.Min(ys, y);
            xe = Math.Max(xe, x);
            ye = Math.Max(ye, y);
        }
        return new RleBoundingBox(xs, ys, xe - xs + 1, ye - ys + 1);
    }
}
