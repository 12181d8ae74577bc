using Labelport.Tests.Shared;

namespace Labelport.Cli.Tests;

/// <summary><c>labelport validate</c>: exit 0 when valid, else 1 and one <c>path: message</c> line per problem.</summary>
public sealed class ValidateCommandTests
{
    public static TheoryData<string, int> Fixtures() => new()
    {
        { "platform_export", 6 }, { "data_1_video", 1 }, { "native_image_data", 1 }, { "image_group", 1 }, { "empty_image_group", 1 },
        { "skeleton", 1 }, { "video_dyn", 1 }, { "video_dyn_ui", 1 }, { "dicom", 1 },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Every_fixture_is_valid(string name, int rows)
    {
        var labels = TestData.Encord(name + ".labels.json");
        var result = await CliRunner.RunAsync("validate", labels, "--ontology", TestData.Encord(name + ".ontology.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(labels + ": " + rows + " label row(s), valid", result.Error.Trim());
    }

    [Fact]
    public async Task Problems_are_printed_one_per_line_with_path_and_message()
    {
        using var folder = new TempFolder();
        var text = File.ReadAllText(TestData.Encord("platform_export.labels.json"));
        var status = text.IndexOf("\"label_status\": \"LABEL_IN_PROGRESS\"", StringComparison.Ordinal);
        text = (text[..status] + "\"label_status\": \"FINISHED\"" + text[(status + "\"label_status\": \"LABEL_IN_PROGRESS\"".Length)..])
            .Replace("\"featureHash\": \"ImO9dtQh\"", "\"featureHash\": \"NotThere\"", StringComparison.Ordinal);
        var input = folder.Write("bad.json", text);

        var result = await CliRunner.RunAsync("validate", input, "--ontology", TestData.Encord("platform_export.ontology.json"));

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(@"^\$\[\d\]\.\S+: .+$", line));
        Assert.Contains(lines, l => l.StartsWith("$[0].label_status: unknown label status \"FINISHED\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(".featureHash: unknown object featureHash \"NotThere\" (not in the ontology)", StringComparison.Ordinal));
        Assert.Equal(lines.Length + " problem(s) in " + input, result.Error.Trim());
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_that_cannot_be_read_is_reported_and_the_others_are_still_checked()
    {
        using var folder = new TempFolder();
        var input = folder.Write("rows.json", """
            [{"data_hash": "a", "data_units": {}, "label_status": "LABELLED"},
             {"data_hash": 42},
             {"data_hash": "c", "data_units": {}, "label_status": "NOPE"}]
            """);

        var result = await CliRunner.RunAsync("validate", input, "--ontology", TestData.Encord("skeleton.ontology.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "$[1].data_hash: expected a string, found number 42",
                "$[2].label_status: unknown label status \"NOPE\"; expected one of NOT_LABELLED, LABEL_IN_PROGRESS, LABELLED, REVIEW_IN_PROGRESS, REVIEWED, REVIEWED_TWICE",
            ],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Malformed_json_is_one_line_with_where_it_broke()
    {
        using var folder = new TempFolder();
        var input = folder.Write("broken.json", "[{\"data_hash\": \"a\"},\n {\"data_hash\": }]");

        var result = await CliRunner.RunAsync("validate", input, "--ontology", TestData.Encord("skeleton.ontology.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("$[1]: malformed JSON at line 2, byte 16: '}' is an invalid start of a value", result.Output.Trim());
    }

    public static TheoryData<string, string> UnreadableInputs() => new()
    {
        { "missing", ": no such file" },
        { "folder", ": is a directory, expected a JSON file" },
        { "empty", ": the file is empty, expected JSON" },
        { "text", ": malformed JSON at line 1, byte 1: 'h' is an invalid start of a value" },
    };

    [Theory]
    [MemberData(nameof(UnreadableInputs))]
    public async Task Unreadable_input_gets_a_friendly_error_and_exit_1(string kind, string expected)
    {
        using var folder = new TempFolder();
        var input = kind switch
        {
            "missing" => folder.File("nothing-here.json"),
            "folder" => folder.Path,
            "empty" => folder.Write("empty.json", ""),
            _ => folder.Write("notes.txt", "hello, not json"),
        };

        var result = await CliRunner.RunAsync("validate", input, "--ontology", TestData.Encord("skeleton.ontology.json"));

        Assert.Equal(1, result.ExitCode);
        var message = (result.Output + result.Error).Trim().Split('\n')[0];
        Assert.EndsWith(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnreadableInputs))]
    public async Task Unreadable_ontology_gets_a_friendly_error_and_exit_1(string kind, string expected)
    {
        using var folder = new TempFolder();
        var ontology = kind switch
        {
            "missing" => folder.File("nothing-here.json"),
            "folder" => folder.Path,
            "empty" => folder.Write("empty.json", ""),
            _ => folder.Write("notes.txt", "hello, not json"),
        };

        var result = await CliRunner.RunAsync("validate", TestData.Encord("skeleton.labels.json"), "--ontology", ontology);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(ontology + ":", result.Error, StringComparison.Ordinal);
        if (kind != "text")
        {
            Assert.EndsWith(expected, result.Error.Trim(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_ontology_option_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("validate", TestData.Encord("skeleton.labels.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--ontology", result.Error, StringComparison.Ordinal);
    }
}
