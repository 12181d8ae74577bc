using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>
/// pycocotools <c>rleFrPoly</c>, bit for bit, without generating the dense boundary. The C code walks every edge
/// on the 1/5-pixel grid and keeps the consecutive point pairs whose u (x on the grid) changes and whose smaller
/// u is 5c+2 (the vertical line through the centres of column c). Here each edge yields those pairs directly:
/// an x-major edge has one pair per grid step, so the wanted steps are computed; on a y-major edge u is a
/// monotone function of the step (trunc(xs + s*t + 0.5) with |s| &lt; 1), so the step where u leaves 5c+2 is
/// solved for and checked exactly. Same expressions, same double operations (multiply, then add; no FMA), same results;
/// cost O(crossings) instead of O(perimeter · 5).
/// </summary>
public static class PolygonRasterizer
{
    /// <summary>pycocotools <c>rleFrPoly</c>: one polygon, flat <c>[x0, y0, x1, y1, ...]</c> in pixels (odd length: last number ignored).</summary>
    /// <exception cref="MaskFormatException">A coordinate is not finite or beyond ±<see cref="MaxCoordinate"/>.</exception>
    public static CocoRle FromPolygon(ReadOnlySpan<double> xy, int height, int width) => CocoRle.FromPolygon(xy, height, width);

    /// <summary>pycocotools <c>rleFrBbox</c>.</summary>
    public static CocoRle FromBbox(double x, double y, double w, double h, int height, int width)
        => CocoRle.FromBox(new RleBoundingBox(x, y, w, h), height, width);

    /// <summary>Coordinates are limited so the grid arithmetic stays exact (see docs/masks.md).</summary>
    public const double MaxCoordinate = 1_000_000;

    private const double Scale = 5;

    internal static void Rasterize(ReadOnlySpan<double> xy, int height, int width, RunBuffer output)
    {
        Validate(xy, height, width);
        var k = xy.Length / 2;
        var pixels = (uint)((long)height * width);
        output.Count = 0;
        if (pixels == 0 || k == 0)
        {
            output.Add(pixels);
            return;
        }
        var crossings = new RunBuffer(256);
        try
        {
            var x0 = (int)((Scale * xy[0]) + .5);
            var y0 = (int)((Scale * xy[1]) + .5);
            var xPrevious = x0;
            var yPrevious = y0;
            for (var j = 1; j <= k; j++)
            {
                int xNext, yNext;
                if (j < k)
                {
                    xNext = (int)((Scale * xy[j * 2]) + .5);
                    yNext = (int)((Scale * xy[(j * 2) + 1]) + .5);
                }
                else
                {
                    (xNext, yNext) = (x0, y0);
                }
                AddEdgeCrossings(xPrevious, yPrevious, xNext, yNext, height, width, crossings);
                (xPrevious, yPrevious) = (xNext, yNext);
            }
            crossings.Add(pixels);
            var count = crossings.Count;
            var scratch = ArrayPool<uint>.Shared.Rent(count);
            try
            {
                RadixSort.Sort(crossings.Items.AsSpan(0, count), scratch.AsSpan(0, count));
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(scratch);
            }
            RunsFromSortedCrossings(crossings.Items.AsSpan(0, count), output);
        }
        finally
        {
            crossings.Dispose();
        }
    }

    internal static void Validate(ReadOnlySpan<double> xy, int height, int width)
    {
        if (!RleSize.TryGetPixelCount(height, width, out _, out var error))
        {
            throw new MaskFormatException(error);
        }
        for (var i = 0; i < xy.Length; i++)
        {
            if (!(Math.Abs(xy[i]) <= MaxCoordinate))
            {
                throw new MaskFormatException($"Polygon coordinate #{i} ({(i % 2 == 0 ? "x" : "y")} of vertex {i / 2}) is {xy[i]}; it must be a finite number within ±{MaxCoordinate}.");
            }
        }
    }

    private static void AddEdgeCrossings(int xs, int ys, int xe, int ye, int height, int width, RunBuffer crossings)
    {
        var dx = Math.Abs(xe - xs);
        var dy = Math.Abs(ys - ye);
        if (dx == 0 && dy == 0)
        {
            return;
        }
        var xMajor = dx >= dy;
        if ((xMajor && xs > xe) || (!xMajor && ys > ye))
        {
            (xs, xe) = (xe, xs);
            (ys, ye) = (ye, ys);
        }
        if (xMajor)
        {
            var s = (double)(ye - ys) / dx;
            // Pairs (t, t+1) for t in 0..dx-1 have smaller u = xs + t; keep u = 5c + 2, 0 <= c <= w-1.
            var first = FirstColumnAtOrAbove(Math.Max(xs, 2));
            var last = Math.Min(width - 1L, FloorDiv(xe - 1 - 2, 5));
            for (long c = first; c <= last; c++)
            {
                var t = (int)((5 * c) + 2 - xs);
                var v0 = (int)(ys + (s * t) + .5);
                var v1 = (int)(ys + (s * (t + 1)) + .5);
                AddCrossing((int)c, Math.Min(v0, v1), height, crossings);
            }
        }
        else
        {
            var s = (double)(xe - xs) / dy;
            var uStart = (int)(xs + .5);
            var uEnd = (int)(xs + (s * dy) + .5);
            if (uStart == uEnd)
            {
                return;
            }
            var increasing = uEnd > uStart;
            var low = Math.Min(uStart, uEnd);
            var high = Math.Max(uStart, uEnd);
            var first = FirstColumnAtOrAbove(Math.Max(low, 2));
            var last = Math.Min(width - 1L, FloorDiv(high - 1 - 2, 5));
            for (long c = first; c <= last; c++)
            {
                var ud = (int)((5 * c) + 2);
                // Increasing: first t with u(t) >= ud + 1; decreasing: first t with u(t) <= ud. The pair is (t-1, t).
                var t = increasing ? FirstStepAtOrAbove(xs, s, dy, ud + 1) : FirstStepAtOrBelow(xs, s, dy, ud);
                AddCrossing((int)c, ys + t - 1, height, crossings);
            }
        }
    }

    private static int U(int xs, double s, int t) => (int)(xs + (s * t) + .5);

    // u(t) is monotone in t, so the first step past a target is found from the real-valued solution of
    // xs + s*t + .5 = target and then corrected by evaluating u exactly (the same expression the C code evaluates),
    // which keeps the result bit-exact while costing O(1) instead of a binary search over the edge.
    private static int FirstStepAtOrAbove(int xs, double s, int dy, int target)
    {
        var t = Estimate(xs, s, dy, target);
        while (t > 0 && U(xs, s, t - 1) >= target)
        {
            t--;
        }
        while (t < dy && U(xs, s, t) < target)
        {
            t++;
        }
        return t;
    }

    private static int FirstStepAtOrBelow(int xs, double s, int dy, int target)
    {
        // u(t) <= target exactly when xs + s*t + .5 < target + 1.
        var t = Estimate(xs, s, dy, target + 1);
        while (t > 0 && U(xs, s, t - 1) <= target)
        {
            t--;
        }
        while (t < dy && U(xs, s, t) > target)
        {
            t++;
        }
        return t;
    }

    private static int Estimate(int xs, double s, int dy, int boundary)
    {
        var t = (boundary - .5 - xs) / s;
        return t <= 0 || double.IsNaN(t) ? 0 : t >= dy ? dy : (int)t;
    }

    private static long FirstColumnAtOrAbove(int u) => -FloorDiv(-(u - 2), 5);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static void AddCrossing(int column, int vMin, int height, RunBuffer crossings)
    {
        var yd = ((vMin + .5) / Scale) - .5;
        if (yd < 0)
        {
            yd = 0;
        }
        else if (yd > height)
        {
            yd = height;
        }
        crossings.Add((uint)(((long)column * height) + (int)Math.Ceiling(yd)));
    }

    /// <summary>
    /// The last step of <c>rleFrPoly</c>: sorted toggle positions (with h×w appended) → differences → counts,
    /// where a zero difference (two toggles that cancel) merges the following difference into the previous count.
    /// </summary>
    internal static void RunsFromSortedCrossings(Span<uint> a, RunBuffer output)
    {
        uint p = 0;
        for (var j = 0; j < a.Length; j++)
        {
            var t = a[j];
            a[j] -= p;
            p = t;
        }
        output.Count = 0;
        var i = 0;
        output.Add(a[i++]);
        while (i < a.Length)
        {
            if (a[i] > 0)
            {
                output.Add(a[i++]);
            }
            else
            {
                i++;
                if (i < a.Length)
                {
                    output.Items[output.Count - 1] += a[i++];
                }
            }
        }
    }
}
