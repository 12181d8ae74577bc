using System.Text.Json;
using Labelport.Core.Masks;
using Labelport.Tests.Shared;

namespace Labelport.Core.Tests.Masks;

/// <summary>
/// Every case of tests/data/coco-rle/vectors.jsonl (expected values produced by pycocotools' C code) must match
/// exactly: strings, counts, area, bbox, polygon rasterisation, merges and IoU (exact floating-point equality).
/// </summary>
public sealed class CocoRleVectorTests
{
    public static TheoryData<int> CaseIds(string kind)
    {
        var data = new TheoryData<int>();
        foreach (var (id, element) in Cases.Value)
        {
            if (element.GetProperty("kind").GetString() == kind)
            {
                data.Add(id);
            }
        }
        return data;
    }

    public static TheoryData<int> MaskCases() => CaseIds("mask");

    public static TheoryData<int> PolyCases() => CaseIds("poly");

    public static TheoryData<int> FrBboxCases() => CaseIds("frbbox");

    public static TheoryData<int> MergeCases() => CaseIds("merge");

    public static TheoryData<int> NoncanonicalCases() => CaseIds("noncanonical");

    public static TheoryData<int> EncodeRawCases() => CaseIds("encode_raw");

    public static TheoryData<int> PolysUnionCases() => CaseIds("polys_union");

    public static TheoryData<int> IouCases() => CaseIds("iou");

    public static TheoryData<int> BbIouCases() => CaseIds("bbiou");

    [Fact]
    public void The_file_holds_every_kind_the_header_counts()
    {
        var header = JsonDocument.Parse(File.ReadLines(TestData.PathOf("coco-rle", "vectors.jsonl")).First()).RootElement;
        foreach (var kind in header.GetProperty("kinds").EnumerateObject())
        {
            Assert.Equal(kind.Value.GetInt32(), Cases.Value.Count(c => c.Value.GetProperty("kind").GetString() == kind.Name));
        }
    }

    [Theory]
    [MemberData(nameof(MaskCases))]
    public void Mask_string_counts_area_bbox_and_pixels(int id)
    {
        var c = Cases.Value[id];
        int h = c.GetProperty("h").GetInt32(), w = c.GetProperty("w").GetInt32();
        var counts = Counts(c.GetProperty("counts"));
        var text = c.GetProperty("string").GetString()!;
        Assert.Equal(text, RleStringCodec.Encode(counts));
        Assert.Equal(counts, RleStringCodec.Decode(text));
        var rle = CocoRle.FromCompressedString(text, h, w);
        Assert.Equal((uint)c.GetProperty("area").GetInt64(), rle.Area);
        Assert.Equal(Doubles(c.GetProperty("bbox")), rle.ToBbox());
        if ((long)h * w <= 4_000_000)
        {
            var columnMajor = new byte[h * w];
            rle.DecodeColumnMajor(columnMajor);
            Assert.Equal(counts, CocoRle.EncodeColumnMajor(columnMajor, h, w).Counts);
            Assert.Equal(counts, RunLengthEncoder.EncodeScalar(columnMajor));
            var rowMajor = new byte[h * w];
            rle.DecodeRowMajor(rowMajor);
            Assert.Equal(counts, CocoRle.EncodeRowMajor(rowMajor, h, w).Counts);
        }
    }

    [Theory]
    [MemberData(nameof(EncodeRawCases))]
    public void Raw_bytes_start_a_run_on_every_value_change_as_in_C(int id)
    {
        var c = Cases.Value[id];
        var pixels = c.GetProperty("pixels_colmajor").EnumerateArray().Select(p => (byte)p.GetInt32()).ToArray();
        var rle = CocoRle.EncodeColumnMajor(pixels, c.GetProperty("h").GetInt32(), c.GetProperty("w").GetInt32());
        Assert.Equal(Counts(c.GetProperty("counts")), rle.Counts);
        Assert.Equal(c.GetProperty("string").GetString(), rle.ToCompressedString());
        Assert.Equal(rle.Counts, RunLengthEncoder.EncodeScalar(pixels));
    }

    [Theory]
    [MemberData(nameof(NoncanonicalCases))]
    public void Noncanonical_counts_pass_through_and_give_the_cocoapi_bbox(int id)
    {
        // Policy: zero-length runs are kept as given (like pycocotools), so string and area are flavour-independent and
        // the bbox is cocoapi's. The PyPI flavour's different answer (bbox_pypi) is deliberately not reproduced.
        var c = Cases.Value[id];
        int h = c.GetProperty("h").GetInt32(), w = c.GetProperty("w").GetInt32();
        var counts = Counts(c.GetProperty("counts"));
        var rle = CocoRle.FromCounts(h, w, counts);
        Assert.Equal(c.GetProperty("string").GetString(), rle.ToCompressedString());
        Assert.Equal(counts, RleStringCodec.Decode(c.GetProperty("string").GetString()!));
        Assert.Equal((uint)c.GetProperty("area").GetInt64(), rle.Area);
        Assert.Equal(Doubles(c.GetProperty("bbox")), rle.ToBbox());
        // (Where bbox_pypi differs from bbox, we give the cocoapi answer on purpose: it is what pycocotools' primary
        // repository computes, and canonical RLE — all Labelport ever produces — is unaffected.)
    }

    [Theory]
    [MemberData(nameof(PolyCases))]
    public void Polygon_rasterisation_matches_rleFrPoly(int id)
    {
        var c = Cases.Value[id];
        int h = c.GetProperty("h").GetInt32(), w = c.GetProperty("w").GetInt32();
        var rle = PolygonRasterizer.FromPolygon(Doubles(c.GetProperty("poly")), h, w);
        Assert.Equal(Counts(c.GetProperty("counts")), rle.Counts);
        Assert.Equal(c.GetProperty("string").GetString(), rle.ToCompressedString());
        Assert.Equal((uint)c.GetProperty("area").GetInt64(), rle.Area);
        Assert.Equal(Doubles(c.GetProperty("bbox")), rle.ToBbox());
    }

    [Theory]
    [MemberData(nameof(FrBboxCases))]
    public void Box_rasterisation_matches_rleFrBbox(int id)
    {
        var c = Cases.Value[id];
        var box = Doubles(c.GetProperty("bbox_in"));
        var rle = PolygonRasterizer.FromBbox(box[0], box[1], box[2], box[3], c.GetProperty("h").GetInt32(), c.GetProperty("w").GetInt32());
        Assert.Equal(Counts(c.GetProperty("counts")), rle.Counts);
        Assert.Equal(c.GetProperty("string").GetString(), rle.ToCompressedString());
        Assert.Equal((uint)c.GetProperty("area").GetInt64(), rle.Area);
        Assert.Equal(Doubles(c.GetProperty("bbox")), rle.ToBbox());
    }

    [Theory]
    [MemberData(nameof(MergeCases))]
    public void Merge_union_intersection_and_iou(int id)
    {
        var c = Cases.Value[id];
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(Rle).ToList();
        var union = RleOperations.Merge(inputs, intersect: false);
        var intersection = RleOperations.Merge(inputs, intersect: true);
        AssertRle(c.GetProperty("union"), union);
        AssertRle(c.GetProperty("intersection"), intersection);
        Assert.Equal((uint)c.GetProperty("union_area").GetInt64(), union.Area);
        Assert.Equal((uint)c.GetProperty("intersection_area").GetInt64(), intersection.Area);
        if (c.TryGetProperty("iou", out var iou))
        {
            Assert.Equal(iou.GetDouble(), RleOperations.Iou([inputs[0]], [inputs[1]], [false])[0][0]);
            Assert.Equal(c.GetProperty("iou_crowd").GetDouble(), RleOperations.Iou([inputs[0]], [inputs[1]], [true])[0][0]);
        }
    }

    [Theory]
    [MemberData(nameof(PolysUnionCases))]
    public void Multi_part_annotation_is_the_union_of_its_parts(int id)
    {
        var c = Cases.Value[id];
        int h = c.GetProperty("h").GetInt32(), w = c.GetProperty("w").GetInt32();
        var parts = c.GetProperty("polys").EnumerateArray().Select(p => PolygonRasterizer.FromPolygon(Doubles(p), h, w)).ToList();
        Assert.Equal(c.GetProperty("parts").EnumerateArray().Select(p => p.GetString()), parts.Select(p => p.ToCompressedString()));
        var union = RleOperations.Merge(parts, intersect: false);
        Assert.Equal(c.GetProperty("string").GetString(), union.ToCompressedString());
        Assert.Equal((uint)c.GetProperty("area").GetInt64(), union.Area);
        Assert.Equal(Doubles(c.GetProperty("bbox")), union.ToBbox());
        // The same through the multi-polygon API: several single-ring polygons.
        var rings = c.GetProperty("polys").EnumerateArray().Select(p => (IReadOnlyList<double[]>)[Doubles(p)]).ToList();
        Assert.Equal(union.Counts, MultiPolygonRasterizer.Rasterize(rings, h, w).Counts);
    }

    [Theory]
    [MemberData(nameof(IouCases))]
    public void Iou_matrix_with_crowd_flags(int id)
    {
        var c = Cases.Value[id];
        var dt = c.GetProperty("dt").EnumerateArray().Select(Rle).ToList();
        var gt = c.GetProperty("gt").EnumerateArray().Select(Rle).ToList();
        var crowd = c.GetProperty("iscrowd").EnumerateArray().Select(x => x.GetInt32() != 0).ToList();
        var actual = RleOperations.Iou(dt, gt, crowd);
        var expected = c.GetProperty("iou").EnumerateArray().Select(Doubles).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var d = 0; d < expected.Length; d++)
        {
            Assert.Equal(expected[d], actual[d]);
        }
    }

    [Theory]
    [MemberData(nameof(BbIouCases))]
    public void Box_iou(int id)
    {
        var c = Cases.Value[id];
        var dt = c.GetProperty("dt").EnumerateArray().Select(Doubles).ToList();
        var gt = c.GetProperty("gt").EnumerateArray().Select(Doubles).ToList();
        var crowd = c.GetProperty("iscrowd").EnumerateArray().Select(x => x.GetInt32() != 0).ToList();
        var actual = RleOperations.BoxIou(dt, gt, crowd);
        var expected = c.GetProperty("iou").EnumerateArray().Select(Doubles).ToArray();
        for (var d = 0; d < expected.Length; d++)
        {
            Assert.Equal(expected[d], actual[d]);
        }
    }

    private static void AssertRle(JsonElement expected, CocoRle actual)
    {
        var size = expected.GetProperty("size");
        Assert.Equal(size[0].GetInt32(), actual.Height);
        Assert.Equal(size[1].GetInt32(), actual.Width);
        Assert.Equal(expected.GetProperty("counts").GetString(), actual.ToCompressedString());
    }

    private static CocoRle Rle(JsonElement element)
    {
        var size = element.GetProperty("size");
        return CocoRle.FromCompressedString(element.GetProperty("counts").GetString()!, size[0].GetInt32(), size[1].GetInt32());
    }

    private static uint[] Counts(JsonElement array) => array.EnumerateArray().Select(x => (uint)x.GetInt64()).ToArray();

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static readonly Lazy<Dictionary<int, JsonElement>> Cases = new(() =>
    {
        var cases = new Dictionary<int, JsonElement>();
        foreach (var line in File.ReadLines(TestData.PathOf("coco-rle", "vectors.jsonl")).Skip(1))
        {
            var element = JsonDocument.Parse(line).RootElement;
            cases.Add(element.GetProperty("id").GetInt32(), element);
        }
        return cases;
    });
}
