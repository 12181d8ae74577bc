using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Tests.Shared;

namespace Labelport.Server.Tests.Exports;

/// <summary>Label rows and ontologies from the repository's Encord fixtures (tests/data/encord), and bigger projects made of copies.</summary>
internal static class FixtureRows
{
    public static readonly string[] Names =
    [
        "data_1_video", "dicom", "empty_image_group", "image_group", "native_image_data", "platform_export", "skeleton",
        "video_dyn", "video_dyn_ui",
    ];

    public static string Ontology(string name) => File.ReadAllText(TestData.Encord(name + ".ontology.json"));

    public static List<LabelRow> Load(string name)
    {
        using var file = File.OpenRead(TestData.Encord(name + ".labels.json"));
        return [.. LabelRowReader.ReadAll(file)];
    }

    /// <summary><paramref name="copies"/> copies of each fixture row, each with its own label hash, data hash and title.</summary>
    public static List<LabelRow> Copies(string name, int copies)
    {
        var source = ToJson(Load(name));
        var rows = new List<LabelRow>();
        for (var k = 0; k < copies; k++)
        {
            using var stream = new MemoryStream(source);
            foreach (var row in LabelRowReader.ReadAll(stream))
            {
                row.LabelHash = Guid.NewGuid().ToString();
                row.DataHash = Guid.NewGuid().ToString();
                row.DataTitle = $"{row.DataTitle}-{k:D5}";
                rows.Add(row);
            }
        }
        return rows;
    }

    /// <summary>The rows as an Encord JSON export (an array), as the offline converter reads it.</summary>
    public static byte[] ToJson(IEnumerable<LabelRow> rows)
    {
        using var output = new MemoryStream();
        LabelRowWriter.WriteExport(output, rows);
        return output.ToArray();
    }

    /// <summary>Rows in the store's export order: data title, then label hash (ordinal).</summary>
    public static List<LabelRow> InStoreOrder(IEnumerable<LabelRow> rows) =>
        [.. rows.OrderBy(r => r.DataTitle ?? string.Empty, StringComparer.Ordinal).ThenBy(r => r.LabelHash, StringComparer.Ordinal)];
}
