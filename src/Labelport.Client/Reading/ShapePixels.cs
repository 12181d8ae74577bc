using Labelport.Core.Masks;
using Labelport.Core.Model;

namespace Labelport.Client;

/// <summary>
/// Shapes of a label row in pixels. Encord stores coordinates normalised to the media size: x and w scale with the
/// <b>width</b>, y and h with the <b>height</b>. These helpers apply that rule (Core's <c>PixelCoordinates</c>) and
/// rasterise area shapes into masks with pycocotools' rules, so a COCO export and these masks agree pixel for pixel.
/// Masks are row-major: byte <c>y * width + x</c> is 1 inside, 0 outside.
/// </summary>
public static class ShapePixels
{
    /// <summary>A bounding box in pixels.</summary>
    /// <param name="box">The normalised box.</param>
    /// <param name="width">The media width in pixels.</param>
    /// <param name="height">The media height in pixels.</param>
    public static PixelBox ToPixels(this BoundingBox box, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(box);
        return new PixelBox(box.X * width, box.Y * height, box.W * width, box.H * height);
    }

    /// <summary>A rotatable box in pixels (the unrotated box and the angle; see <see cref="PixelRotatedBox.Corners"/>).</summary>
    /// <param name="box">The normalised box.</param>
    /// <param name="width">The media width in pixels.</param>
    /// <param name="height">The media height in pixels.</param>
    public static PixelRotatedBox ToPixels(this RotatableBoundingBox box, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(box);
        return new PixelRotatedBox(new PixelBox(box.X * width, box.Y * height, box.W * width, box.H * height), box.Theta);
    }

    /// <summary>A polygon in pixels: polygons → rings (ring 0 the outer contour, the rest holes) → flat <c>[x0, y0, x1, y1, …]</c>.</summary>
    /// <param name="polygon">The normalised polygon (either wire encoding).</param>
    /// <param name="width">The media width in pixels.</param>
    /// <param name="height">The media height in pixels.</param>
    public static IReadOnlyList<IReadOnlyList<double[]>> ToPixels(this PolygonGeometry polygon, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        var result = new List<IReadOnlyList<double[]>>(polygon.Polygons.Count);
        foreach (var rings in polygon.Polygons)
        {
            var scaled = new double[rings.Count][];
            for (var r = 0; r < rings.Count; r++)
            {
                scaled[r] = Scale(rings[r], width, height);
            }
            result.Add(scaled);
        }
        return result;
    }

    /// <summary>A polyline's points in pixels, in order.</summary>
    /// <param name="polyline">The normalised polyline.</param>
    /// <param name="width">The media width in pixels.</param>
    /// <param name="height">The media height in pixels.</param>
    public static IReadOnlyList<PixelPoint> ToPixels(this PolylineGeometry polyline, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(polyline);
        return [.. polyline.Points.Select(p => new PixelPoint(p.X * width, p.Y * height))];
    }

    /// <summary>A keypoint in pixels.</summary>
    /// <param name="point">The normalised point.</param>
    /// <param name="width">The media width in pixels.</param>
    /// <param name="height">The media height in pixels.</param>
    public static PixelPoint ToPixels(this PointGeometry point, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new PixelPoint(point.Point.X * width, point.Point.Y * height);
    }

    /// <summary>A skeleton's points in pixels with their COCO visibility, in template order.</summary>
    /// <param name="skeleton">The normalised skeleton.</param>
    /// <param name="width">The media width in pixels.</param>
    /// <param name="height">The media height in pixels.</param>
    public static IReadOnlyList<PixelKeypoint> ToPixels(this SkeletonGeometry skeleton, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(skeleton);
        return [.. skeleton.Points.Select(p => new PixelKeypoint(new PixelPoint(p.X * width, p.Y * height), p.Name, p.CocoVisibility))];
    }

    /// <summary>
    /// The pixels an area shape covers as COCO RLE: a bitmask as it is, a box or rotatable box and a polygon (holes and
    /// several parts included) rasterised as pycocotools does.
    /// </summary>
    /// <param name="geometry">A bounding box, rotatable box, polygon or bitmask.</param>
    /// <param name="width">The media width in pixels.</param>
    /// <param name="height">The media height in pixels.</param>
    /// <exception cref="ArgumentException">The shape has no area (point, polyline, skeleton), or a bitmask's size is not the media size.</exception>
    public static CocoRle ToCocoRle(this ShapeGeometry geometry, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return geometry switch
        {
            BitmaskGeometry bitmask when bitmask.Width == width && bitmask.Height == height => bitmask.ToCocoRle(),
            BitmaskGeometry bitmask => throw new ArgumentException($"The bitmask is {bitmask.Width}×{bitmask.Height} pixels, the media {width}×{height}.", nameof(geometry)),
            BoundingBox box => CocoRle.FromBox(BoxOf(box.ToPixels(width, height)), height, width),
            RotatableBoundingBox box => CocoRle.FromPolygon(box.ToPixels(width, height).Corners(), height, width),
            PolygonGeometry polygon => MultiPolygonRasterizer.Rasterize(polygon.ToPixels(width, height), height, width),
            _ => throw new ArgumentException($"A {geometry.GetType().Name} has no area to turn into a mask.", nameof(geometry)),
        };
    }

    /// <summary>The pixels an area shape covers as a row-major byte mask of <paramref name="width"/>×<paramref name="height"/> bytes (1 inside).</summary>
    /// <param name="geometry">A bounding box, rotatable box, polygon or bitmask.</param>
    /// <param name="width">The media width in pixels.</param>
    /// <param name="height">The media height in pixels.</param>
    /// <exception cref="ArgumentException">The shape has no area, or a bitmask's size is not the media size.</exception>
    public static byte[] ToByteMask(this ShapeGeometry geometry, int width, int height)
        => geometry is BitmaskGeometry bitmask && bitmask.Width == width && bitmask.Height == height
            ? bitmask.ToByteMask()
            : geometry.ToCocoRle(width, height).Decode(MaskOrder.RowMajor);

    /// <summary>The pixels an object instance covers on its data unit, as a row-major byte mask (the unit's width × height).</summary>
    /// <param name="instance">An object with an area shape.</param>
    /// <param name="unit">The data unit it labels (its width and height are used).</param>
    /// <exception cref="ArgumentException">The unit has no size, or the shape has no area.</exception>
    public static byte[] ToByteMask(this ObjectInstance instance, DataUnit unit)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Width is not { } width || unit.Height is not { } height)
        {
            throw new ArgumentException($"Data unit {unit.DataHash} has no width and height.", nameof(unit));
        }
        var geometry = instance.Geometry ?? throw new ArgumentException($"Object {instance.ObjectHash} ({instance.ShapeName}) has no 2-D geometry.", nameof(instance));
        return geometry.ToByteMask(width, height);
    }

    private static double[] Scale(double[] ring, int width, int height)
    {
        var scaled = new double[ring.Length];
        for (var i = 0; i + 1 < ring.Length; i += 2)
        {
            scaled[i] = ring[i] * width;
            scaled[i + 1] = ring[i + 1] * height;
        }
        return scaled;
    }

    private static RleBoundingBox BoxOf(PixelBox box) => new(box.X, box.Y, box.Width, box.Height);
}
