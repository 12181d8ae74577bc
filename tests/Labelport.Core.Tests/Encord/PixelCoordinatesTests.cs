using Labelport.Core.Geometry;
using Labelport.Core.Model;

namespace Labelport.Core.Tests.Encord;

/// <summary>Normalised ↔ pixels: x, w × width; y, h × height (spec §10), checked on Encord's own non-square example.</summary>
public sealed class PixelCoordinatesTests
{
    [Fact]
    public void Box_of_the_640x480_video_scales_as_encords_expected_coco_bbox()
    {
        // data_1_video, object 428fba2b on frame 0; Encord's expected COCO bbox is [189.696, 120.768, 54.976, 47.328].
        var row = Fixtures.Rows("data_1_video")[0];
        var unit = row.DataUnits.Values.Single();
        var box = (BoundingBox)unit.Frames.Single(f => f.Frame == 0).Objects.Single(o => o.ObjectHash == "428fba2b").Geometry!;
        var pixels = new PixelCoordinates(unit.Width!.Value, unit.Height!.Value);

        Assert.Equal((640, 480), (unit.Width, unit.Height));
        Assert.Equal(189.696, pixels.X(box.X), 9);
        Assert.Equal(120.768, pixels.Y(box.Y), 9);
        Assert.Equal(54.976, pixels.W(box.W), 9);
        Assert.Equal(47.328, pixels.H(box.H), 9);
        // The public docs' rule (w × height, h × width) would give 41.232 and 63.104: not what Encord produces.
        Assert.NotEqual(41.232, pixels.W(box.W), 3);
    }

    [Fact]
    public void Pixels_normalise_back_and_rings_scale_per_axis()
    {
        var pixels = new PixelCoordinates(1920, 1080);
        Assert.Equal(0.25, pixels.NormaliseX(pixels.X(0.25)), 15);
        Assert.Equal(0.75, pixels.NormaliseY(pixels.Y(0.75)), 15);
        Assert.Equal([192.0, 108.0, 960.0, 540.0], pixels.ToPixels([0.1, 0.1, 0.5, 0.5]));
    }
}
