using Labelport.Core.Masks;
using Labelport.Core.Model;

namespace Labelport.Client.Tests.Reading;

public sealed class ShapePixelsTests
{
    [Fact]
    public void X_and_w_scale_with_the_width_y_and_h_with_the_height()
    {
        // Encord's own 640×480 example (spec encord-json.md §10): COCO bbox [189.696, 120.768, 54.976, 47.328].
        var box = new BoundingBox(0.2964, 0.2516, 0.0859, 0.0986).ToPixels(640, 480);
        Assert.Equal(189.696, box.X, 9);
        Assert.Equal(120.768, box.Y, 9);
        Assert.Equal(54.976, box.Width, 9);
        Assert.Equal(47.328, box.Height, 9);
    }

    [Fact]
    public void A_box_mask_covers_exactly_the_box()
    {
        // 100 wide, 80 high; box x 10..40, y 20..60 in pixels.
        var mask = new BoundingBox(0.1, 0.25, 0.3, 0.5).ToByteMask(100, 80);
        Assert.Equal(8000, mask.Length);
        Assert.Equal(30 * 40, mask.Count(b => b == 1));
        Assert.Equal(1, mask[(20 * 100) + 10]);
        Assert.Equal(1, mask[(59 * 100) + 39]);
        Assert.Equal(0, mask[(19 * 100) + 10]);
        Assert.Equal(0, mask[(20 * 100) + 40]);
    }

    [Fact]
    public void A_rotatable_box_turned_a_quarter_covers_the_transposed_box()
    {
        // 40×20 pixels centred on (50, 40) turned 90°: 20 wide, 40 high, same centre.
        var rotated = new RotatableBoundingBox(0.3, 0.375, 0.4, 0.25, 90).ToByteMask(100, 80);
        var upright = new BoundingBox(0.4, 0.25, 0.2, 0.5).ToByteMask(100, 80);
        Assert.Equal(upright, rotated);
        var corners = new RotatableBoundingBox(0.3, 0.375, 0.4, 0.25, 90).ToPixels(100, 80).Corners();
        Assert.Equal(60, corners[0], 9); // top-left of the unrotated box → right, clockwise on screen
        Assert.Equal(20, corners[1], 9);
    }

    [Fact]
    public void A_polygon_with_a_hole_leaves_the_hole_empty()
    {
        double[] outer = [0.1, 0.1, 0.9, 0.1, 0.9, 0.9, 0.1, 0.9];
        double[] hole = [0.4, 0.4, 0.6, 0.4, 0.6, 0.6, 0.4, 0.6];
        var polygon = new PolygonGeometry([[outer, hole]]);
        var mask = polygon.ToByteMask(50, 50);
        var solid = new PolygonGeometry([[outer]]).ToByteMask(50, 50);
        var holeOnly = new PolygonGeometry([[hole]]).ToByteMask(50, 50);
        Assert.Equal(solid.Count(b => b == 1) - holeOnly.Count(b => b == 1), mask.Count(b => b == 1));
        Assert.Equal(0, mask[(25 * 50) + 25]);
        Assert.Equal(1, mask[(10 * 50) + 10]);
        // pixel rings scale like boxes
        var rings = polygon.ToPixels(50, 25);
        Assert.Equal([5, 2.5, 45, 2.5, 45, 22.5, 5, 22.5], rings[0][0]);
    }

    [Fact]
    public void A_polygon_mask_is_pycocotools_rasterisation()
    {
        double[] triangle = [0.05, 0.1, 0.9, 0.2, 0.3, 0.95];
        var expected = CocoRle.FromPolygon([3.2, 4, 57.6, 8, 19.2, 38], 40, 64);
        Assert.Equal(expected, new PolygonGeometry([[triangle]]).ToCocoRle(64, 40));
    }

    [Fact]
    public void Points_polylines_and_skeletons_in_pixels()
    {
        Assert.Equal(new PixelPoint(32, 10), new PointGeometry(new NormalizedPoint(0.5, 0.25)).ToPixels(64, 40));
        Assert.Equal([new PixelPoint(0, 0), new PixelPoint(64, 40)], new PolylineGeometry([new(0, 0), new(1, 1)]).ToPixels(64, 40));
        var skeleton = new SkeletonGeometry([new SkeletonPoint { X = 0.5, Y = 0.5, Name = "nose", Occluded = true }, new SkeletonPoint { X = 0.25, Y = 0, Visibility = "invisible" }]);
        var points = skeleton.ToPixels(64, 40);
        Assert.Equal(new PixelKeypoint(new PixelPoint(32, 20), "nose", 1), points[0]);
        Assert.Equal(0, points[1].Visibility);
    }

    [Fact]
    public void Shapes_without_area_and_mismatched_bitmasks_are_refused_with_a_reason()
    {
        var point = Assert.Throws<ArgumentException>(() => new PointGeometry(new NormalizedPoint(0.5, 0.5)).ToByteMask(10, 10));
        Assert.Contains("no area", point.Message, StringComparison.Ordinal);
        var bitmask = new BitmaskGeometry(0, 0, 4, 5, EncordBitmask.Encode(new byte[20], 4, 5));
        var size = Assert.Throws<ArgumentException>(() => bitmask.ToByteMask(6, 4));
        Assert.Contains("5×4", size.Message, StringComparison.Ordinal);
    }
}
