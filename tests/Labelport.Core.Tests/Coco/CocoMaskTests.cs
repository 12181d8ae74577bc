using System.Text.Json;
using Labelport.Core.Encord;
using Labelport.Core.Export;
using Labelport.Core.Masks;
using Labelport.Core.Model;
using Labelport.Core.Ontology;
using Labelport.Tests.Shared;

namespace Labelport.Core.Tests.Coco;

public sealed class CocoMaskTests
{
    [Fact]
    public void Every_bitmask_annotation_is_the_encord_mask_transposed()
    {
        var ontology = Ontology("platform_export");
        using var input = File.OpenRead(TestData.Encord("platform_export.labels.json"));
        var bitmasks = LabelRowReader.ReadAll(input)
            .SelectMany(r => r.EnumerateObjects())
            .Where(o => o.Object.Geometry is BitmaskGeometry)
            .Select(o => (BitmaskGeometry)o.Object.Geometry!)
            .ToList();
        var coco = ConvertToCoco("platform_export", ontology);
        var rleAnnotations = coco.GetProperty("annotations").EnumerateArray()
            .Where(a => a.GetProperty("category_id").GetInt32() == 5)
            .ToList();
        Assert.Equal(9, bitmasks.Count);
        Assert.Equal(bitmasks.Count, rleAnnotations.Count);
        for (var i = 0; i < bitmasks.Count; i++)
        {
            var bitmask = bitmasks[i];
            var segmentation = rleAnnotations[i].GetProperty("segmentation");
            Assert.Equal(1, rleAnnotations[i].GetProperty("iscrowd").GetInt32());
            Assert.Equal([bitmask.Height, bitmask.Width], segmentation.GetProperty("size").EnumerateArray().Select(x => x.GetInt32()));
            var rowMajor = new byte[bitmask.Height * bitmask.Width];
            EncordBitmask.DecodeRowMajor(bitmask.RleString, bitmask.Height, bitmask.Width, rowMajor);
            var columnMajor = new byte[rowMajor.Length];
            CocoRle.FromCompressedString(segmentation.GetProperty("counts").GetString()!, bitmask.Height, bitmask.Width).DecodeColumnMajor(columnMajor);
            for (var r = 0; r < bitmask.Height; r++)
            {
                for (var c = 0; c < bitmask.Width; c++)
                {
                    Assert.Equal(rowMajor[(r * bitmask.Width) + c], columnMajor[(c * bitmask.Height) + r]);
                }
            }
            Assert.Equal(rowMajor.Count(p => p == 1), rleAnnotations[i].GetProperty("area").GetDouble());
        }
    }

    [Fact]
    public void Multi_polygon_with_a_hole_is_outer_minus_hole_union_other_polygon()
    {
        // 100×200 image: polygon 1 = square with a square hole, polygon 2 = a triangle elsewhere.
        const int w = 200, h = 100;
        double[] outer = [0.05, 0.1, 0.45, 0.1, 0.45, 0.9, 0.05, 0.9];
        double[] hole = [0.15, 0.3, 0.3, 0.3, 0.3, 0.6, 0.15, 0.6];
        double[] triangle = [0.6, 0.2, 0.9, 0.2, 0.75, 0.8];
        var row = LabelRowReader.ParseRow(RowWithPolygons(w, h, $$"""[[{{Flat(outer)}},{{Flat(hole)}}],[{{Flat(triangle)}}]]"""));
        var coco = Convert(row, PolygonOntology());
        var annotation = coco.GetProperty("annotations")[0];
        Assert.Equal(1, annotation.GetProperty("iscrowd").GetInt32());
        var segmentation = annotation.GetProperty("segmentation");
        var expected = RleOperations.Merge(
            [
                RleOperations.Subtract(PolygonRasterizer.FromPolygon(Pixels(outer, w, h), h, w), PolygonRasterizer.FromPolygon(Pixels(hole, w, h), h, w)),
                PolygonRasterizer.FromPolygon(Pixels(triangle, w, h), h, w),
            ],
            intersect: false);
        Assert.Equal(expected.ToCompressedString(), segmentation.GetProperty("counts").GetString());
        Assert.Equal((double)expected.Area, annotation.GetProperty("area").GetDouble());
        Assert.Equal(expected.ToBbox(), annotation.GetProperty("bbox").EnumerateArray().Select(x => x.GetDouble()));
        // The hole really is empty: its centre pixel is unset, the ring around it is set.
        var pixels = new byte[h * w];
        expected.DecodeColumnMajor(pixels);
        Assert.Equal(0, pixels[(45 * h) + 45]);
        Assert.Equal(1, pixels[(20 * h) + 20]);
    }

    [Fact]
    public void A_simple_polygon_stays_a_polygon_with_the_geos_area()
    {
        var row = LabelRowReader.ParseRow(RowWithPolygons(100, 100, "[[[0.1,0.1,0.5,0.1,0.5,0.5]]]"));
        var annotation = Convert(row, PolygonOntology()).GetProperty("annotations")[0];
        Assert.Equal(0, annotation.GetProperty("iscrowd").GetInt32());
        Assert.Equal("[[10.0,10.0,50.0,10.0,50.0,50.0]]", JsonNormalizer.Normalize(annotation.GetProperty("segmentation")));
        Assert.Equal("800.0", annotation.GetProperty("area").GetRawText());
    }

    internal static string RowWithPolygons(int width, int height, string polygons) => """
        {"data_hash":"d1","data_type":"image","label_status":"LABELLED","data_title":"a.png",
         "data_units":{"d1":{"data_hash":"d1","data_title":"a.png","data_type":"image/png","data_sequence":0,"width":WIDTH,"height":HEIGHT,
           "labels":{"objects":[{"objectHash":"o1","featureHash":"poly","shape":"polygon","createdAt":null,"polygons":POLYGONS}],"classifications":[]}}},
         "object_answers":{},"classification_answers":{},"object_actions":{}}
        """.Replace("WIDTH", width.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("HEIGHT", height.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("POLYGONS", polygons, StringComparison.Ordinal);

    internal static OntologyStructure PolygonOntology() => OntologyReader.Parse("""
        {"objects":[{"id":"1","name":"region","color":"#00FF00","shape":"polygon","featureNodeHash":"poly"}],"classifications":[]}
        """);

    private static string Flat(double[] ring) => "[" + string.Join(",", ring.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]";

    private static double[] Pixels(double[] ring, int w, int h) => ring.Select((v, i) => i % 2 == 0 ? v * w : v * h).ToArray();

    private static JsonElement Convert(LabelRow row, OntologyStructure ontology)
    {
        using var output = new MemoryStream();
        using (var writer = new Labelport.Core.Coco.CocoWriter(output, ontology))
        {
            writer.Add(row);
            writer.Complete();
        }
        return JsonDocument.Parse(output.ToArray()).RootElement;
    }

    private static OntologyStructure Ontology(string name)
    {
        using var stream = File.OpenRead(TestData.Encord(name + ".ontology.json"));
        return OntologyReader.Read(stream);
    }

    private static JsonElement ConvertToCoco(string name, OntologyStructure ontology)
    {
        using var input = File.OpenRead(TestData.Encord(name + ".labels.json"));
        using var output = new MemoryStream();
        ConvertPipeline.ToCoco(input, output, ontology, ExportFilter.All);
        return JsonDocument.Parse(output.ToArray()).RootElement;
    }
}
