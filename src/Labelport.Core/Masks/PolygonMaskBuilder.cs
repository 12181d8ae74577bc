namespace Labelport.Core.Masks;

/// <summary>
/// Rasterises polygons with holes and multi-polygons (Encord <c>polygons</c>) to COCO RLE: the union over
/// polygons of (outer ring minus the union of its holes), every ring rasterised exactly as pycocotools'
/// <c>rleFrPoly</c> does, combined with the run-list merge. Rings are flat <c>[x0, y0, x1, y1, ...]</c>
/// in pixel coordinates.
/// </summary>
/// <example>
/// <code>
/// using var builder = new PolygonMaskBuilder(height, width);
/// builder.AddPolygon(outer);   // starts a polygon
/// builder.AddHole(hole);       // cut from the polygon started last
/// builder.AddPolygon(other);
/// CocoRle rle = builder.Build();
/// </code>
/// </example>
public sealed class PolygonMaskBuilder : IDisposable
{
    private readonly int _height;
    private readonly int _width;
    private RunBuffer _union = new(64);
    private RunBuffer _outer = new(64);
    private RunBuffer _holes = new(64);
    private readonly RunBuffer _ring = new(64);
    private RunBuffer _scratch = new(64);
    private bool _hasUnion;
    private bool _hasOuter;
    private bool _hasHoles;

    public PolygonMaskBuilder(int height, int width)
    {
        if (!RleSize.TryGetPixelCount(height, width, out _, out var error))
        {
            throw new MaskFormatException(error);
        }
        _height = height;
        _width = width;
    }

    public int PolygonCount { get; private set; }

    /// <summary>Starts a new polygon with this outer ring.</summary>
    public void AddPolygon(ReadOnlySpan<double> outerRing)
    {
        Flush();
        PolygonRasterizer.Rasterize(outerRing, _height, _width, _outer);
        _hasOuter = true;
        PolygonCount++;
    }

    /// <summary>Adds a hole to the polygon started last.</summary>
    public void AddHole(ReadOnlySpan<double> ring)
    {
        if (!_hasOuter)
        {
            throw new InvalidOperationException("AddHole needs a polygon: call AddPolygon first.");
        }
        if (!_hasHoles)
        {
            PolygonRasterizer.Rasterize(ring, _height, _width, _holes);
            _hasHoles = true;
            return;
        }
        PolygonRasterizer.Rasterize(ring, _height, _width, _ring);
        RleMerge.Merge(_holes.Span, _ring.Span, RleMergeOperation.Union, _scratch);
        (_holes, _scratch) = (_scratch, _holes);
    }

    /// <summary>The mask of everything added so far (an empty h×w mask when nothing was).</summary>
    public CocoRle Build()
    {
        Flush();
        if (!_hasUnion)
        {
            return CocoRle.FromTrustedCounts(_height, _width, [(uint)((long)_height * _width)]);
        }
        return CocoRle.FromTrustedCounts(_height, _width, _union.ToArray());
    }

    public void Dispose()
    {
        _union.Dispose();
        _outer.Dispose();
        _holes.Dispose();
        _ring.Dispose();
        _scratch.Dispose();
    }

    private void Flush()
    {
        if (!_hasOuter)
        {
            return;
        }
        if (_hasHoles)
        {
            RleMerge.Merge(_outer.Span, _holes.Span, RleMergeOperation.Difference, _scratch);
            (_outer, _scratch) = (_scratch, _outer);
        }
        if (_hasUnion)
        {
            RleMerge.Merge(_union.Span, _outer.Span, RleMergeOperation.Union, _scratch);
            (_union, _scratch) = (_scratch, _union);
        }
        else
        {
            (_union, _outer) = (_outer, _union);
            _hasUnion = true;
        }
        _hasOuter = false;
        _hasHoles = false;
    }
}
