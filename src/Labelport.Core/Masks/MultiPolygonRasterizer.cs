namespace Labelport.Core.Masks;

/// <summary>
/// Encord multi-polygons (<c>polygons</c>: polygons → rings, ring 0 outer, the rest holes) as one COCO mask: the union
/// over polygons of (outer ring minus the union of its holes), every ring rasterised exactly as <c>rleFrPoly</c> does.
/// (Encord's own exporter fills with OpenCV, whose result varies between OpenCV versions; we use pycocotools' rule.)
/// </summary>
public static class MultiPolygonRasterizer
{
    /// <summary>Rasterises <paramref name="polygons"/> (rings as flat pixel coordinates <c>[x0, y0, x1, y1, …]</c>) at <paramref name="height"/>×<paramref name="width"/>.</summary>
    public static CocoRle Rasterize(IReadOnlyList<IReadOnlyList<double[]>> polygons, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        var parts = new List<CocoRle>(polygons.Count);
        foreach (var rings in polygons)
        {
            if (rings.Count == 0)
            {
                continue;
            }
            var outer = PolygonRasterizer.FromPolygon(rings[0], height, width);
            if (rings.Count > 1)
            {
                var holes = new List<CocoRle>(rings.Count - 1);
                for (var r = 1; r < rings.Count; r++)
                {
                    holes.Add(PolygonRasterizer.FromPolygon(rings[r], height, width));
                }
                outer = RleOperations.Subtract(outer, RleOperations.Merge(holes, intersect: false));
            }
            parts.Add(outer);
        }
        return parts.Count == 0
            ? new CocoRle(height, width, [(uint)((long)height * width)])
            : RleOperations.Merge(parts, intersect: false);
    }
}
