using System.Text.Json;
using Labelport.Core.Model;
using Labelport.Tests.Shared;

namespace Labelport.Client.Tests.Reading;

/// <summary>
/// Reading Encord's own platform export through the SDK helpers gives the pixels Encord's COCO export of the same rows
/// has (tests/data/encord/platform_export.*): boxes, polygons and points in pixels, bitmasks as the same COCO RLE.
/// </summary>
public sealed class ExportFileTests
{
    private static readonly string Labels = TestData.Encord("platform_export.labels.json");

    [Fact]
    public async Task Reads_every_row_of_an_export_file_streaming()
    {
        var rows = new List<LabelRow>();
        await foreach (var row in ExportFile.ReadLabelRowsAsync(Labels))
        {
            rows.Add(row);
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(Labels));
        Assert.Equal(document.RootElement.GetArrayLength(), rows.Count);
        Assert.Equal(
            document.RootElement.EnumerateArray().Select(r => r.GetProperty("label_hash").GetString()),
            rows.Select(r => r.LabelHash));
    }

    [Fact]
    public void Sync_and_async_reading_agree()
    {
        using var stream = File.OpenRead(Labels);
        var hashes = ExportFile.ReadLabelRows(stream).Select(r => r.DataHash).ToList();
        Assert.Equal(6, hashes.Count);
    }

    [Fact]
    public void Bitmasks_decode_to_the_rle_of_encords_coco_export()
    {
        var expected = ExpectedCrowdCounts();
        var seen = 0;
        foreach (var (unit, instance) in ImageObjects())
        {
            if (instance.Geometry is not BitmaskGeometry bitmask)
            {
                continue;
            }
            var rle = bitmask.ToCocoRle();
            Assert.Contains(rle.ToCompressedString(), expected);
            var mask = bitmask.ToByteMask();
            Assert.Equal(unit.Width!.Value * unit.Height!.Value, mask.Length);
            Assert.Equal(rle.Area, (uint)mask.Count(b => b == 1));
            Assert.Equal(mask, instance.ToByteMask(unit));
            seen++;
        }
        Assert.True(seen >= 5, "the fixture has a bitmask on every image");
    }

    [Fact]
    public void Boxes_polygons_and_points_in_pixels_are_encords_coco_coordinates()
    {
        var boxes = ExpectedAnnotations().Select(a => a.Bbox).ToList();
        var segmentations = ExpectedAnnotations().SelectMany(a => a.Polygons).ToList();
        var checkedShapes = 0;
        foreach (var (unit, instance) in ImageObjects())
        {
            var width = unit.Width!.Value;
            var height = unit.Height!.Value;
            switch (instance.Geometry)
            {
                case BoundingBox box:
                    var pixels = box.ToPixels(width, height);
                    Assert.Contains(boxes, b => Near(b, [pixels.X, pixels.Y, pixels.Width, pixels.Height]));
                    checkedShapes++;
                    break;
                case PolygonGeometry polygon when !polygon.IsComplex:
                    var ring = polygon.ToPixels(width, height)[0][0];
                    Assert.Contains(segmentations, s => Near(s, ring));
                    checkedShapes++;
                    break;
                case PointGeometry point:
                    var p = point.ToPixels(width, height);
                    Assert.Contains(segmentations, s => Near(s, [p.X, p.Y]));
                    checkedShapes++;
                    break;
            }
        }
        Assert.True(checkedShapes >= 15);
    }

    private static IEnumerable<(DataUnit Unit, ObjectInstance Instance)> ImageObjects()
    {
        using var stream = File.OpenRead(Labels);
        foreach (var row in ExportFile.ReadLabelRows(stream))
        {
            foreach (var (unit, _, instance) in row.EnumerateObjects())
            {
                if (unit.DataType == "image/png")
                {
                    yield return (unit, instance);
                }
            }
        }
    }

    private static HashSet<string> ExpectedCrowdCounts()
        => [.. CocoAnnotations().Where(a => a.GetProperty("iscrowd").GetInt32() == 1).Select(a => a.GetProperty("segmentation").GetProperty("counts").GetString()!)];

    private static IEnumerable<(double[] Bbox, List<double[]> Polygons)> ExpectedAnnotations()
        => CocoAnnotations().Select(a => (
            a.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            a.GetProperty("segmentation").ValueKind == JsonValueKind.Array
                ? a.GetProperty("segmentation").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList()
                : []));

    private static List<JsonElement> CocoAnnotations()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(TestData.Encord("platform_export.coco_expected.json")));
        return [.. document.RootElement.GetProperty("annotations").EnumerateArray().Select(a => a.Clone())];
    }

    private static bool Near(double[] expected, double[] actual)
        => expected.Length == actual.Length && expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) < 1e-6);
}
