namespace Labelport.Client;

/// <summary>
/// A rotatable box in pixels: the unrotated box, turned by <see cref="Theta"/> degrees about its centre. Angles are in
/// image coordinates (x right, y down), so a positive angle turns clockwise on screen.
/// </summary>
/// <param name="Box">The unrotated box.</param>
/// <param name="Theta">The rotation in degrees.</param>
public sealed record PixelRotatedBox(PixelBox Box, double Theta)
{
    /// <summary>The four corners after rotation, flat <c>[x0, y0, …, x3, y3]</c>: top-left, top-right, bottom-right, bottom-left of the unrotated box.</summary>
    public double[] Corners()
    {
        var cx = Box.X + (Box.Width / 2);
        var cy = Box.Y + (Box.Height / 2);
        var radians = Theta * Math.PI / 180;
        var (sin, cos) = Math.SinCos(radians);
        ReadOnlySpan<double> dx = [-Box.Width / 2, Box.Width / 2, Box.Width / 2, -Box.Width / 2];
        ReadOnlySpan<double> dy = [-Box.Height / 2, -Box.Height / 2, Box.Height / 2, Box.Height / 2];
        var corners = new double[8];
        for (var i = 0; i < 4; i++)
        {
            corners[2 * i] = cx + (dx[i] * cos) - (dy[i] * sin);
            corners[(2 * i) + 1] = cy + (dx[i] * sin) + (dy[i] * cos);
        }
        return corners;
    }
}
