namespace Labelport.Core.Model;

/// <summary>
/// A polygon in either encoding (spec §5.3). <see cref="Polygons"/> is always filled: polygons → rings (ring 0 the
/// outer contour, the rest holes) → flat normalised <c>[x0, y0, x1, y1, …]</c>. The legacy single-ring <c>polygon</c>
/// key is its first ring of its first polygon.
/// </summary>
public sealed record PolygonGeometry(IReadOnlyList<IReadOnlyList<double[]>> Polygons) : ShapeGeometry
{
    /// <summary>True when the input carried the multi-polygon <c>polygons</c> key (it is written back then).</summary>
    public bool HasPolygonsKey { get; init; }

    /// <summary>True when the input carried the legacy <c>polygon</c> key as a list instead of an index dictionary.</summary>
    public bool LegacyIsList { get; init; }

    /// <summary>More than one polygon, or holes: COCO needs RLE for these.</summary>
    public bool IsComplex => Polygons.Count > 1 || (Polygons.Count == 1 && Polygons[0].Count > 1);

    /// <summary>The outer ring of the first polygon (the legacy <c>polygon</c> value), flat x,y.</summary>
    public double[] FirstRing => Polygons.Count > 0 && Polygons[0].Count > 0 ? Polygons[0][0] : [];
}
