using System.Text.Json;
using Labelport.Tests.Shared;

namespace Labelport.Cli.Tests;

public sealed class ConvertToCocoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("labelport-cli-").FullName;

    [Fact]
    public async Task Converts_to_a_coco_file_and_reports_what_coco_cannot_hold()
    {
        var output = Path.Combine(_folder, "out.json");
        var result = await CliRunner.RunAsync("convert", TestData.Encord("platform_export.labels.json"), "--ontology", TestData.Encord("platform_export.ontology.json"), "--to", "coco", "-o", output);
        Assert.Equal(0, result.ExitCode);
        var coco = JsonDocument.Parse(File.ReadAllBytes(output)).RootElement;
        Assert.Equal(64, coco.GetProperty("annotations").GetArrayLength());
        Assert.Contains("6 of 6 label row(s) written as coco: 10 image(s), 64 annotation(s)", result.Error, StringComparison.Ordinal);
        Assert.Contains("22 frame classification instances", result.Error, StringComparison.Ordinal);
        Assert.Equal([output], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Writes_to_stdout_without_an_output_option()
    {
        var result = await CliRunner.RunAsync("convert", TestData.Encord("data_1_video.labels.json"), "--ontology", TestData.Encord("data_1_video.ontology.json"), "--to", "coco");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(8, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("annotations").GetArrayLength());
    }

    [Fact]
    public async Task Filters_apply_from_the_command_line()
    {
        var result = await CliRunner.RunAsync("convert", TestData.Encord("platform_export.labels.json"), "--ontology", TestData.Encord("platform_export.ontology.json"), "--to", "coco", "--objects", "ImO9dtQh,gr3562OV");
        Assert.Equal(0, result.ExitCode);
        var categories = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("category_id").GetInt32()).Distinct().Order();
        Assert.Equal([1, 3], categories);
    }

    [Fact]
    public async Task An_unknown_object_hash_is_refused_by_name()
    {
        var result = await CliRunner.RunAsync("convert", TestData.Encord("platform_export.labels.json"), "--ontology", TestData.Encord("platform_export.ontology.json"), "--to", "coco", "--objects", "NOPE");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown object feature hash \"NOPE\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_rows_fail_with_the_validator_path_and_leave_no_file_behind()
    {
        var labels = File.ReadAllText(TestData.Encord("platform_export.labels.json")).Replace("\"featureHash\": \"ImO9dtQh\"", "\"featureHash\": \"XXXXXXXX\"", StringComparison.Ordinal);
        var input = Path.Combine(_folder, "bad.json");
        File.WriteAllText(input, labels);
        var output = Path.Combine(_folder, "out.json");
        var result = await CliRunner.RunAsync("convert", input, "--ontology", TestData.Encord("platform_export.ontology.json"), "--to", "coco", "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$[0].data_units.87ffc8da-f005-45a3-b89f-e6086bd90fa7.labels.0.objects[0].featureHash: unknown object featureHash \"XXXXXXXX\"", result.Error, StringComparison.Ordinal);
        Assert.Equal([input], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Malformed_json_fails_with_a_path_and_leaves_no_file_behind()
    {
        var input = Path.Combine(_folder, "truncated.json");
        var text = File.ReadAllText(TestData.Encord("platform_export.labels.json"));
        File.WriteAllText(input, text[..(text.Length / 2)]);
        var output = Path.Combine(_folder, "out.json");
        var result = await CliRunner.RunAsync("convert", input, "--ontology", TestData.Encord("platform_export.ontology.json"), "--to", "encord", "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("$[", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_bitmask_of_the_wrong_size_is_refused()
    {
        var labels = File.ReadAllText(TestData.Encord("platform_export.labels.json"));
        var at = labels.IndexOf("\"bitmask\": {", StringComparison.Ordinal);
        var heightAt = labels.IndexOf("\"height\": 512", at, StringComparison.Ordinal);
        labels = labels[..heightAt] + "\"height\": 511" + labels[(heightAt + "\"height\": 512".Length)..];
        var input = Path.Combine(_folder, "bitmask.json");
        File.WriteAllText(input, labels);
        var result = await CliRunner.RunAsync("convert", input, "--ontology", TestData.Encord("platform_export.ontology.json"), "--to", "coco", "-o", Path.Combine(_folder, "out.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bitmask.height: bitmask height 511 differs from the data unit's height 512", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
