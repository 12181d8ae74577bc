using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>
/// pycocotools' <c>rleFrPoly</c> and <c>rleFrBbox</c>, exactly (spec coco-rle.md §7): vertices snapped to a 1/5-pixel
/// grid, edges walked with a DDA, column crossings through pixel centres collected and filled even-odd by sorting.
/// Every multiply and add is a separate IEEE operation: the JIT does not contract them into fused multiply-adds, and
/// <see cref="Math.FusedMultiplyAdd"/> must never be used here (it changes about 0.1 % of polygons).
/// </summary>
public static class PolygonRasterizer
{
    private const double Scale = 5;

    /// <summary>Rasterises one ring given as flat pixel coordinates <c>[x0, y0, x1, y1, …]</c> (an odd last number is ignored).</summary>
    public static CocoRle FromPolygon(ReadOnlySpan<double> xy, int height, int width)
    {
        var k = xy.Length / 2;
        var pool = ArrayPool<int>.Shared;
        var x = pool.Rent(k + 1);
        var y = pool.Rent(k + 1);
        int[]? u = null, v = null;
        try
        {
            for (var j = 0; j < k; j++)
            {
                x[j] = (int)((Scale * xy[2 * j]) + .5);
                y[j] = (int)((Scale * xy[(2 * j) + 1]) + .5);
            }
            if (k == 0)
            {
                return new CocoRle(height, width, [(uint)((long)height * width)]);
            }
            x[k] = x[0];
            y[k] = y[0];
            long total = 0;
            for (var j = 0; j < k; j++)
            {
                total += Math.Max(Math.Abs(x[j] - x[j + 1]), Math.Abs(y[j] - y[j + 1])) + 1;
            }
            u = pool.Rent((int)total);
            v = pool.Rent((int)total);
            var m = Walk(x, y, k, u, v);
            return FromBoundary(u.AsSpan(0, m), v.AsSpan(0, m), height, width);
        }
        finally
        {
            pool.Return(x);
            pool.Return(y);
            if (u is not null)
            {
                pool.Return(u);
            }
            if (v is not null)
            {
                pool.Return(v);
            }
        }
    }

    /// <summary><c>rleFrBbox</c>: the polygon (x,y) (x,y+h) (x+w,y+h) (x+w,y).</summary>
    public static CocoRle FromBbox(double x, double y, double w, double h, int height, int width)
    {
        var xe = x + w;
        var ye = y + h;
        ReadOnlySpan<double> polygon = [x, y, x, ye, xe, ye, xe, y];
        return FromPolygon(polygon, height, width);
    }

    private static int Walk(int[] x, int[] y, int k, int[] u, int[] v)
    {
        var m = 0;
        for (var j = 0; j < k; j++)
        {
            int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1];
            var dx = Math.Abs(xe - xs);
            var dy = Math.Abs(ys - ye);
            var flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip)
            {
                (xs, xe) = (xe, xs);
                (ys, ye) = (ye, ys);
            }
            if (dx >= dy)
            {
                var s = (double)(ye - ys) / dx;
                for (var d = 0; d <= dx; d++)
                {
                    var t = flip ? dx - d : d;
                    u[m] = t + xs;
                    var product = s * t;
                    v[m] = (int)(ys + product + .5);
                    m++;
                }
            }
            else
            {
                var s = (double)(xe - xs) / dy;
                for (var d = 0; d <= dy; d++)
                {
                    var t = flip ? dy - d : d;
                    v[m] = t + ys;
                    var product = s * t;
                    u[m] = (int)(xs + product + .5);
                    m++;
                }
            }
        }
        return m;
    }

    private static CocoRle FromBoundary(ReadOnlySpan<int> u, ReadOnlySpan<int> v, int height, int width)
    {
        var h = height;
        var positions = ArrayPool<uint>.Shared.Rent(u.Length + 1);
        try
        {
            var m = 0;
            for (var j = 1; j < u.Length; j++)
            {
                if (u[j] == u[j - 1])
                {
                    continue;
                }
                double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
                xd = ((xd + .5) / Scale) - .5;
                if (Math.Floor(xd) != xd || xd < 0 || xd > width - 1)
                {
                    continue;
                }
                double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
                yd = ((yd + .5) / Scale) - .5;
                if (yd < 0)
                {
                    yd = 0;
                }
                else if (yd > h)
                {
                    yd = h;
                }
                yd = Math.Ceiling(yd);
                positions[m++] = unchecked((uint)(((int)xd * h) + (int)yd));
            }
            positions[m++] = unchecked((uint)(h * width));
            var a = positions.AsSpan(0, m);
            a.Sort();
            uint previous = 0;
            for (var j = 0; j < a.Length; j++)
            {
                var t = a[j];
                a[j] -= previous;
                previous = t;
            }
            var counts = new RunLengthEncoder.CountsBuilder(a.Length);
            try
            {
                var i = 0;
                counts.Add(a[i++]);
                while (i < a.Length)
                {
                    if (a[i] > 0)
                    {
                        counts.Add(a[i++]);
                    }
                    else
                    {
                        i++;
                        if (i < a.Length)
                        {
                            counts.Last += a[i++];
                        }
                    }
                }
                return new CocoRle(height, width, counts.ToArray());
            }
            finally
            {
                counts.Dispose();
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(positions);
        }
    }
}
