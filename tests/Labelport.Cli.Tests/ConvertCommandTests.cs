using System.Text.Json.Nodes;
using Labelport.Core.Encord;
using Labelport.Tests.Shared;

namespace Labelport.Cli.Tests;

/// <summary><c>labelport convert</c>: normalise to the web-app dialect (stdout or an atomically written file), with filters.</summary>
public sealed class ConvertCommandTests
{
    private static readonly string Labels = TestData.Encord("platform_export.labels.json");
    private static readonly string Ontology = TestData.Encord("platform_export.ontology.json");

    [Theory]
    [InlineData("platform_export")]
    [InlineData("data_1_video")]
    [InlineData("image_group")]
    public async Task Convert_to_encord_writes_the_library_export_to_stdout(string name)
    {
        var result = await CliRunner.RunAsync("convert", TestData.Encord(name + ".labels.json"), "--ontology", TestData.Encord(name + ".ontology.json"), "--to", "encord");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ExpectedExport(TestData.Encord(name + ".labels.json")), result.Stdout);
        Assert.StartsWith(Count(name) + " of " + Count(name) + " label row(s) written as encord", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_file_gets_the_same_bytes_and_no_temporary_file_is_left()
    {
        using var folder = new TempFolder();
        var output = folder.File("export.json");

        var result = await CliRunner.RunAsync("convert", Labels, "--ontology", Ontology, "--to", "encord", "-o", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(ExpectedExport(Labels), File.ReadAllBytes(output));
        Assert.Equal(["export.json"], folder.Names());
    }

    [Fact]
    public async Task Invalid_rows_leave_no_output_and_an_existing_file_untouched()
    {
        using var folder = new TempFolder();
        var input = folder.Write("bad.json", File.ReadAllText(Labels).Replace("\"ImO9dtQh\"", "\"NotThere\"", StringComparison.Ordinal));
        var output = folder.Write("export.json", "previous export");

        var result = await CliRunner.RunAsync("convert", input, "--ontology", Ontology, "--to", "encord", "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("$[0].data_units.", result.Error, StringComparison.Ordinal);
        Assert.Contains("unknown object featureHash \"NotThere\"", result.Error, StringComparison.Ordinal);
        Assert.Equal("previous export", File.ReadAllText(output));
        Assert.Equal(["bad.json", "export.json"], folder.Names());
    }

    [Fact]
    public async Task Input_broken_after_some_rows_publishes_nothing()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(Labels);
        var input = folder.Write("cut.json", text[..(text.Length * 3 / 4)]);
        var output = folder.File("export.json");

        var result = await CliRunner.RunAsync("convert", input, "--ontology", Ontology, "--to", "encord", "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(": unexpected end of input: the JSON is truncated", result.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(["cut.json"], folder.Names());
    }

    [Fact]
    public async Task Filters_keep_only_the_chosen_objects_classifications_statuses_and_files()
    {
        var result = await CliRunner.RunAsync(
            "convert", Labels, "--ontology", Ontology, "--to", "encord",
            "--objects", "ImO9dtQh,SKRR+bNg", "--classifications", "R3daKWYA", "--statuses", "LABEL_IN_PROGRESS,REVIEWED",
            "--files", "87ffc8da-f005-45a3-b89f-e6086bd90fa7,96f3385a-8009-426b-8d26-6085fa39c76d");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonNode.Parse(result.Stdout)!.AsArray();
        Assert.Equal(["87ffc8da-f005-45a3-b89f-e6086bd90fa7", "96f3385a-8009-426b-8d26-6085fa39c76d"], rows.Select(r => (string?)r!["data_hash"]));
        var objects = rows.SelectMany(r => r!["data_units"]!.AsObject().SelectMany(u => Frames(u.Value!)).SelectMany(f => f["objects"]!.AsArray())).ToList();
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.Contains((string?)o!["featureHash"], new[] { "ImO9dtQh", "SKRR+bNg" }));
        var classifications = rows.SelectMany(r => r!["classification_answers"]!.AsObject()).ToList();
        Assert.NotEmpty(classifications);
        Assert.All(classifications, c => Assert.Equal("R3daKWYA", (string?)c.Value!["featureHash"]));
        Assert.StartsWith("2 of 6 label row(s) written as encord", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--objects", "nope", "unknown object feature hash \"nope\"")]
    [InlineData("--classifications", "ImO9dtQh", "unknown classification feature hash \"ImO9dtQh\"")]
    [InlineData("--statuses", "DONE", "unknown label status \"DONE\" (expected NOT_LABELLED, LABEL_IN_PROGRESS, LABELLED, REVIEW_IN_PROGRESS, REVIEWED, REVIEWED_TWICE)")]
    public async Task Unknown_filter_values_are_named_and_nothing_is_written(string option, string value, string message)
    {
        var result = await CliRunner.RunAsync("convert", Labels, "--ontology", Ontology, "--to", "encord", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message, result.Error.Trim());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Convert_to_coco_writes_coco()
    {
        var result = await CliRunner.RunAsync("convert", Labels, "--ontology", Ontology, "--to", "coco");

        Assert.Equal(0, result.ExitCode);
        var coco = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.Equal(["info", "categories", "images", "annotations"], coco.Select(p => p.Key));
    }

    [Fact]
    public async Task Unknown_target_format_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("convert", Labels, "--ontology", Ontology, "--to", "xml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_into_a_missing_folder_is_a_friendly_error()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "no", "such", "export.json");

        var result = await CliRunner.RunAsync("convert", Labels, "--ontology", Ontology, "--to", "encord", "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(output + ": the folder " + Path.GetDirectoryName(output) + " does not exist", result.Error.Trim());
    }

    private static byte[] ExpectedExport(string labels)
    {
        using var input = File.OpenRead(labels);
        var buffer = new MemoryStream();
        LabelRowWriter.WriteExport(buffer, LabelRowReader.ReadAll(input));
        return buffer.ToArray();
    }

    private static int Count(string name) => name == "platform_export" ? 6 : 1;

    private static IEnumerable<JsonNode> Frames(JsonNode unit)
    {
        var labels = unit["labels"]!.AsObject();
        return labels.ContainsKey("objects") ? [labels] : labels.Select(f => f.Value!);
    }
}
