using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Core.Ontology;
using Labelport.Tests.Shared;

namespace Labelport.Core.Tests.Encord;

/// <summary>The Encord fixtures of tests/data/encord (from Encord's own SDK test data) and helpers to load them.</summary>
internal static class Fixtures
{
    /// <summary>Every <c>X.labels.json</c> with its <c>X.ontology.json</c>.</summary>
    public static readonly string[] Names =
    [
        "platform_export", "data_1_video", "native_image_data", "image_group", "empty_image_group",
        "skeleton", "video_dyn", "video_dyn_ui", "dicom",
    ];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }
        return data;
    }

    public static byte[] LabelBytes(string name) => File.ReadAllBytes(TestData.Encord(name + ".labels.json"));

    public static OntologyStructure Ontology(string name)
    {
        using var stream = File.OpenRead(TestData.Encord(name + ".ontology.json"));
        return OntologyReader.Read(stream);
    }

    public static List<LabelRow> Rows(string name)
    {
        using var stream = new MemoryStream(LabelBytes(name));
        return [.. LabelRowReader.ReadAll(stream)];
    }

    public static byte[] Write(IEnumerable<LabelRow> rows, LabelRowWriterOptions? options = null)
    {
        var buffer = new MemoryStream();
        LabelRowWriter.WriteExport(buffer, rows, options);
        return buffer.ToArray();
    }
}
