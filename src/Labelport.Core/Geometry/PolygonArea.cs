namespace Labelport.Core.Geometry;

/// <summary>
/// The area of a simple polygon as GEOS (shapely) computes it (<c>Area::ofRingSigned</c>, spec §12.8): the shoelace
/// sum taken relative to the first x. It matches Encord's COCO areas to the last bit, where the textbook shoelace
/// formula differs in the last digits.
/// </summary>
public static class PolygonArea
{
    /// <param name="ring">Flat <c>[x0, y0, x1, y1, …]</c>, not closed.</param>
    public static double Of(ReadOnlySpan<double> ring)
    {
        var n = ring.Length / 2;
        if (n < 3)
        {
            return 0;
        }
        // Closed ring r0..rn with rn = r0.
        var x0 = ring[0];
        var sum = 0.0;
        for (var i = 1; i < n; i++)
        {
            var x = ring[2 * i] - x0;
            var yPrevious = ring[(2 * (i - 1)) + 1];
            var yNext = i + 1 < n ? ring[(2 * (i + 1)) + 1] : ring[1];
            sum += x * (yPrevious - yNext);
        }
        return Math.Abs(sum / 2.0);
    }
}
