using System.Text.Json;
using Labelport.Core.Encord;
using Labelport.Core.Export;
using Labelport.Core.Model;
using Labelport.Core.Ontology;
using Labelport.Tests.Shared;

namespace Labelport.Core.Tests.Export;

/// <summary>Filter semantics of DESIGN.md, on Encord's platform export (6 rows) — each filter alone and combined (AND).</summary>
public sealed class ExportFilterTests
{
    private const string Box = "ImO9dtQh";
    private const string Polygon = "gr3562OV";

    [Fact]
    public void No_filter_keeps_everything()
    {
        var (rows, coco) = Run(ExportFilter.All);
        Assert.Equal(6, rows.Count);
        Assert.Equal(64, coco.GetProperty("annotations").GetArrayLength());
        Assert.Equal(10, coco.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public void Files_filter_keeps_only_the_listed_rows_and_a_group_hash_keeps_the_whole_group()
    {
        var all = ReadAll();
        var group = all.First(r => r.DataType == "img_group");
        var (rows, coco) = Run(new ExportFilter { DataHashes = new HashSet<string> { group.DataHash } });
        Assert.Equal([group.DataHash], rows.Select(r => r.DataHash));
        Assert.Equal(group.DataUnits.Count, coco.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public void Status_filter_keeps_rows_with_listed_statuses()
    {
        var all = ReadAll();
        var status = all[0].LabelStatusName!;
        var (rows, _) = Run(new ExportFilter { LabelStatuses = new HashSet<string> { status } });
        Assert.Equal(all.Count(r => r.LabelStatusName == status), rows.Count);
        Assert.All(rows, r => Assert.Equal(status, r.LabelStatusName));
    }

    [Fact]
    public void Object_filter_removes_other_objects_everywhere_but_keeps_images()
    {
        var (rows, coco) = Run(new ExportFilter { ObjectFeatureHashes = new HashSet<string> { Box } });
        Assert.Equal(6, rows.Count);
        var objects = rows.SelectMany(r => r.EnumerateObjects()).ToList();
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.Equal(Box, o.Object.FeatureHash));
        var kept = objects.Select(o => o.Object.ObjectHash).ToHashSet();
        Assert.All(rows, r => Assert.All(r.ObjectAnswers.Keys.Concat(r.ObjectActions.Keys), hash => Assert.Contains(hash, kept)));
        // Negative images stay: every image of the export is still there.
        Assert.Equal(10, coco.GetProperty("images").GetArrayLength());
        Assert.All(coco.GetProperty("annotations").EnumerateArray(), a => Assert.Equal(1, a.GetProperty("category_id").GetInt32()));
    }

    [Fact]
    public void Classification_filter_removes_other_classifications_but_not_object_attributes()
    {
        var all = ReadAll();
        var keep = all.SelectMany(r => r.ClassificationAnswers.Values).Select(a => a.FeatureHash!).First();
        var (rows, _) = Run(new ExportFilter { ClassificationFeatureHashes = new HashSet<string> { keep } });
        Assert.All(rows.SelectMany(r => r.ClassificationAnswers.Values), a => Assert.Equal(keep, a.FeatureHash));
        Assert.All(rows.SelectMany(r => r.DataUnits.Values).SelectMany(u => u.Frames).SelectMany(f => f.Classifications), c => Assert.Equal(keep, c.FeatureHash));
        Assert.Equal(all.Sum(r => r.ObjectAnswers.Count), rows.Sum(r => r.ObjectAnswers.Count));
        Assert.Equal(all.Sum(r => r.EnumerateObjects().Count()), rows.Sum(r => r.EnumerateObjects().Count()));
    }

    [Fact]
    public void Filters_combine_with_and()
    {
        var all = ReadAll();
        var video = all.First(r => r.DataType == "video");
        var (rows, _) = Run(new ExportFilter
        {
            DataHashes = new HashSet<string> { video.DataHash, all[0].DataHash },
            LabelStatuses = new HashSet<string> { video.LabelStatusName! },
            ObjectFeatureHashes = new HashSet<string> { Polygon },
        });
        var expected = all.Where(r => (r.DataHash == video.DataHash || r.DataHash == all[0].DataHash) && r.LabelStatusName == video.LabelStatusName).Select(r => r.DataHash);
        Assert.Equal(expected, rows.Select(r => r.DataHash));
        Assert.All(rows.SelectMany(r => r.EnumerateObjects()), o => Assert.Equal(Polygon, o.Object.FeatureHash));
    }

    [Fact]
    public void A_filter_that_matches_nothing_gives_a_valid_empty_export()
    {
        var (rows, coco) = Run(new ExportFilter { DataHashes = new HashSet<string> { "no-such-hash" } });
        Assert.Empty(rows);
        Assert.Equal(0, coco.GetProperty("images").GetArrayLength());
        Assert.Equal(0, coco.GetProperty("annotations").GetArrayLength());
        Assert.Equal(7, coco.GetProperty("categories").GetArrayLength());
    }

    [Fact]
    public void Unknown_hashes_and_statuses_are_named()
    {
        var problems = ExportFilterValidator.FindUnknown(
            new ExportFilter
            {
                ObjectFeatureHashes = new HashSet<string> { Box, "nope1" },
                ClassificationFeatureHashes = new HashSet<string> { "nope2" },
                LabelStatuses = new HashSet<string> { "DONE" },
            },
            Ontology());
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("\"nope1\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"nope2\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"DONE\"", StringComparison.Ordinal));
    }

    private static List<LabelRow> ReadAll()
    {
        using var input = File.OpenRead(TestData.Encord("platform_export.labels.json"));
        return LabelRowReader.ReadAll(input).ToList();
    }

    private static OntologyStructure Ontology()
    {
        using var stream = File.OpenRead(TestData.Encord("platform_export.ontology.json"));
        return OntologyReader.Read(stream);
    }

    private static (List<LabelRow> Rows, JsonElement Coco) Run(ExportFilter filter)
    {
        var ontology = Ontology();
        using var json = new MemoryStream();
        using (var input = File.OpenRead(TestData.Encord("platform_export.labels.json")))
        {
            ConvertPipeline.ToEncord(input, json, ontology, filter);
        }
        json.Position = 0;
        var rows = LabelRowReader.ReadAll(json).ToList();
        using var coco = new MemoryStream();
        using (var input = File.OpenRead(TestData.Encord("platform_export.labels.json")))
        {
            ConvertPipeline.ToCoco(input, coco, ontology, filter);
        }
        return (rows, JsonDocument.Parse(coco.ToArray()).RootElement);
    }
}
