namespace Labelport.Core.Masks;

/// <summary>
/// Encord multi-polygons (<c>polygons</c>: polygons → rings, ring 0 outer, the rest holes) as one COCO mask: the union
/// over polygons of (outer ring minus the union of its holes), every ring rasterised exactly as <c>rleFrPoly</c> does.
/// (Encord's own exporter fills with OpenCV, whose result varies between OpenCV versions; we use pycocotools' rule.)
/// For rings held as spans, use <see cref="PolygonMaskBuilder"/> directly.
/// </summary>
public static class MultiPolygonRasterizer
{
    /// <summary>Rasterises <paramref name="polygons"/> (rings as flat pixel coordinates <c>[x0, y0, x1, y1, …]</c>) at <paramref name="height"/>×<paramref name="width"/>.</summary>
    public static CocoRle Rasterize(IReadOnlyList<IReadOnlyList<double[]>> polygons, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        using var builder = new PolygonMaskBuilder(height, width);
        foreach (var rings in polygons)
        {
            if (rings.Count == 0)
            {
                continue;
            }
            builder.AddPolygon(rings[0]);
            for (var r = 1; r < rings.Count; r++)
            {
                builder.AddHole(rings[r]);
            }
        }
        return builder.Build();
    }
}
