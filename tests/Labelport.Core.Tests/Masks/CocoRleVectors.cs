using System.Text.Json;
using Labelport.Tests.Shared;

namespace Labelport.Core.Tests.Masks;

/// <summary>tests/data/coco-rle/vectors.jsonl (pycocotools' C output), loaded once, by id.</summary>
internal static class CocoRleVectors
{
    private static readonly Lazy<Dictionary<int, JsonElement>> Cases = new(Load);

    public static JsonElement Case(int id) => Cases.Value[id];

    public static IEnumerable<int> IdsOf(string kind)
        => Cases.Value.Where(pair => pair.Value.GetProperty("kind").GetString() == kind).Select(pair => pair.Key).Order();

    public static TheoryData<int> Theory(string kind)
    {
        var data = new TheoryData<int>();
        foreach (var id in IdsOf(kind))
        {
            data.Add(id);
        }
        return data;
    }

    public static int ExpectedCount(string kind)
    {
        using var stream = File.OpenRead(TestData.PathOf("coco-rle", "vectors.jsonl"));
        using var reader = new StreamReader(stream);
        using var meta = JsonDocument.Parse(reader.ReadLine()!);
        return meta.RootElement.GetProperty("kinds").GetProperty(kind).GetInt32();
    }

    public static uint[] Counts(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetUInt32())];

    public static double[] Doubles(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetDouble())];

    public static double[] Box(Labelport.Core.Masks.RleBoundingBox box) => [box.X, box.Y, box.Width, box.Height];

    public static Labelport.Core.Masks.CocoRle Rle(JsonElement compressed)
    {
        var size = compressed.GetProperty("size");
        return Labelport.Core.Masks.CocoRle.FromCompressedString(compressed.GetProperty("counts").GetString()!, size[0].GetInt32(), size[1].GetInt32());
    }

    private static Dictionary<int, JsonElement> Load()
    {
        var result = new Dictionary<int, JsonElement>();
        foreach (var line in File.ReadLines(TestData.PathOf("coco-rle", "vectors.jsonl")))
        {
            var root = JsonDocument.Parse(line).RootElement;
            if (root.GetProperty("kind").GetString() != "meta")
            {
                result.Add(root.GetProperty("id").GetInt32(), root);
            }
        }
        return result;
    }
}
