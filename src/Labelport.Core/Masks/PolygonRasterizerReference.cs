namespace Labelport.Core.Masks;

/// <summary>
/// pycocotools <c>rleFrPoly</c> transcribed step by step (every boundary point on the 1/5-pixel grid is
/// generated and stored). The reference the fast <see cref="PolygonRasterizer"/> is tested against.
/// </summary>
internal static class PolygonRasterizerReference
{
    public static void Rasterize(ReadOnlySpan<double> xy, int height, int width, RunBuffer output)
    {
        PolygonRasterizer.Validate(xy, height, width);
        var k = xy.Length / 2;
        var pixels = (uint)((long)height * width);
        if (pixels == 0 || k == 0)
        {
            output.Count = 0;
            output.Add(pixels);
            return;
        }
        const double scale = 5;
        var x = new int[k + 1];
        var y = new int[k + 1];
        for (var j = 0; j < k; j++)
        {
            x[j] = (int)((scale * xy[j * 2]) + .5);
            y[j] = (int)((scale * xy[(j * 2) + 1]) + .5);
        }
        x[k] = x[0];
        y[k] = y[0];
        long m = 0;
        for (var j = 0; j < k; j++)
        {
            m += Math.Max(Math.Abs(x[j] - x[j + 1]), Math.Abs(y[j] - y[j + 1])) + 1;
        }
        var u = new int[m];
        var v = new int[m];
        m = 0;
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
            var s = dx >= dy ? (double)(ye - ys) / dx : (double)(xe - xs) / dy;
            if (dx >= dy)
            {
                for (var d = 0; d <= dx; d++)
                {
                    var t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int)(ys + (s * t) + .5);
                    m++;
                }
            }
            else
            {
                for (var d = 0; d <= dy; d++)
                {
                    var t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int)(xs + (s * t) + .5);
                    m++;
                }
            }
        }
        var positions = new List<uint>();
        for (var j = 1; j < m; j++)
        {
            if (u[j] == u[j - 1])
            {
                continue;
            }
            double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
            xd = ((xd + .5) / scale) - .5;
            if (Math.Floor(xd) != xd || xd < 0 || xd > width - 1)
            {
                continue;
            }
            double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
            yd = ((yd + .5) / scale) - .5;
            if (yd < 0)
            {
                yd = 0;
            }
            else if (yd > height)
            {
                yd = height;
            }
            yd = Math.Ceiling(yd);
            positions.Add((uint)(((long)(int)xd * height) + (int)yd));
        }
        positions.Add(pixels);
        var a = positions.ToArray();
        Array.Sort(a);
        PolygonRasterizer.RunsFromSortedCrossings(a, output);
    }
}
