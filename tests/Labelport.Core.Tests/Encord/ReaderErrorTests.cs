using System.Text;
using System.Text.Json.Nodes;
using Labelport.Core.Encord;
using Labelport.Core.Json;
using Labelport.Core.Tests.Validation;
using static Labelport.Core.Tests.Validation.SampleLabels;

namespace Labelport.Core.Tests.Encord;

/// <summary>
/// Input the reader cannot map — malformed JSON, wrong types, missing required fields — fails with
/// <see cref="LabelFormatException"/> naming the JSON path and the offending value, and nothing else.
/// </summary>
public sealed class ReaderErrorTests
{
    public static TheoryData<BadInputCase> WrongTypes() =>
    [
        new("data_hash missing", r => r.Remove("data_hash"), "$.data_hash", "required field is missing"),
        new("data_hash a number", r => r["data_hash"] = 17, "$.data_hash", "expected a string, found number 17"),
        new("label_status a number", r => r["label_status"] = 5, "$.label_status", "expected a string, found number 5"),
        new("is_image_sequence a string", r => r["is_image_sequence"] = "yes", "$.is_image_sequence", "expected true or false, found string \"yes\""),
        new("export_history an object", r => r["export_history"] = new JsonObject(), "$.export_history", "expected an array, found an object"),
        new("data_units an array", r => r["data_units"] = new JsonArray(), "$.data_units", "expected an object, found an array"),
        new("data_sequence not digits", r => Unit(r)["data_sequence"] = "first", "$.data_units.du1.data_sequence", "expected an integer or a string of digits, found string \"first\""),
        new("width a fraction", r => Unit(r)["width"] = 99.5, "$.data_units.du1.width", "expected an integer, found number 99.5"),
        new("frame key not an integer", r => Unit(r)["labels"]!["one"] = new JsonObject(), "$.data_units.du1.labels.one", "frame key must be a non-negative integer, found \"one\""),
        new("objects not a list", r => Frame0(r)["objects"] = "none", "$.data_units.du1.labels.0.objects", "expected an array, found string \"none\""),
        new("object not an object", r => Frame0(r)["objects"]![2] = 42, "$.data_units.du1.labels.0.objects[2]", "expected an object, found number 42"),
        new("objectHash missing", r => Object(r, 1).Remove("objectHash"), "$.data_units.du1.labels.0.objects[1].objectHash", "required field is missing"),
        new("featureHash null", r => Object(r, 1)["featureHash"] = null, "$.data_units.du1.labels.0.objects[1].featureHash", "expected a string, found null"),
        new("shape missing", r => Object(r, 0).Remove("shape"), "$.data_units.du1.labels.0.objects[0].shape", "required field is missing"),
        new("box payload missing", r => Object(r, 0).Remove("boundingBox"), "$.data_units.du1.labels.0.objects[0].boundingBox", "required for shape \"bounding_box\" but missing"),
        new("box w a string", r => Object(r, 0)["boundingBox"]!["w"] = "wide", "$.data_units.du1.labels.0.objects[0].boundingBox.w", "expected a number, found string \"wide\""),
        new("box h missing", r => Object(r, 0)["boundingBox"]!.AsObject().Remove("h"), "$.data_units.du1.labels.0.objects[0].boundingBox.h", "required field is missing"),
        new("box x too large for a double", r => Object(r, 0)["boundingBox"]!["x"] = JsonNode.Parse("1e400"), "$.data_units.du1.labels.0.objects[0].boundingBox.x", "number out of range: 1e400"),
        new("confidence a string", r => Object(r, 0)["confidence"] = "high", "$.data_units.du1.labels.0.objects[0].confidence", "expected a number, found string \"high\""),
        new("polygon ring with an odd count", r => Object(r, 2)["polygons"]![0]![1] = new JsonArray(0.1, 0.2, 0.3), "$.data_units.du1.labels.0.objects[2].polygons[0][1]", "a ring is a flat [x0, y0, x1, y1, …] list; found an odd count 3"),
        new("polygon coordinate a string", r => Object(r, 2)["polygons"]![1]![0]![2] = "x", "$.data_units.du1.labels.0.objects[2].polygons[1][0].2", "expected a number, found string \"x\""),
        new("polygon point key not a number", r => { Object(r, 2).Remove("polygons"); Object(r, 2)["polygon"]!["a"] = new JsonObject { ["x"] = 0, ["y"] = 0 }; }, "$.data_units.du1.labels.0.objects[2].polygon.a", "point keys must be integers \"0\", \"1\", …, found \"a\""),
        new("polyline point without y", r => Object(r, 3)["polyline"]!["1"]!.AsObject().Remove("y"), "$.data_units.du1.labels.0.objects[3].polyline.1.y", "required field is missing"),
        new("point with two coordinates", r => Object(r, 4)["point"]!["1"] = new JsonObject { ["x"] = 0.1, ["y"] = 0.1 }, "$.data_units.du1.labels.0.objects[4].point", "a point needs exactly one coordinate (key \"0\"), found 2"),
        new("bitmask without rleString", r => Object(r, 5)["bitmask"]!.AsObject().Remove("rleString"), "$.data_units.du1.labels.0.objects[5].bitmask.rleString", "required field is missing"),
        new("bitmask height a string", r => Object(r, 5)["bitmask"]!["height"] = "50", "$.data_units.du1.labels.0.objects[5].bitmask.height", "expected an integer, found string \"50\""),
        new("skeleton point without x", r => Object(r, 6)["skeleton"]!["0"]!.AsObject().Remove("x"), "$.data_units.du1.labels.0.objects[6].skeleton.0.x", "required field is missing"),
        new("skeleton flag a string", r => Object(r, 6)["skeleton"]!["1"]!["invisible"] = "true", "$.data_units.du1.labels.0.objects[6].skeleton.1.invisible", "expected true or false, found string \"true\""),
        new("classificationHash missing", r => Frame0(r)["classifications"]![0]!.AsObject().Remove("classificationHash"), "$.data_units.du1.labels.0.classifications[0].classificationHash", "required field is missing"),
        new("answers true", r => r["object_answers"]!["o1"]!["classifications"]![1]!["answers"] = true, "$.object_answers.o1.classifications[1].answers", "expected a string, a number, a list of options or null, found true"),
        new("option without featureHash", r => r["object_answers"]!["o1"]!["classifications"]![0]!["answers"]![0]!.AsObject().Remove("featureHash"), "$.object_answers.o1.classifications[0].answers[0].featureHash", "required field is missing"),
        new("range not a pair", r => r["object_actions"]!["o1"]!["actions"]![0]!["range"] = new JsonArray(new JsonArray(1, 2, 3)), "$.object_actions.o1.actions[0].range[0]", "expected an inclusive [start, end] pair, found an array"),
        new("range end a fraction", r => r["object_actions"]!["o1"]!["actions"]![0]!["range"] = new JsonArray(new JsonArray(1, 2.5)), "$.object_actions.o1.actions[0].range[0].1", "expected an integer, found number 2.5"),
        new("actions an object", r => r["object_actions"]!["o1"]!["actions"] = new JsonObject(), "$.object_actions.o1.actions", "expected an array, found an object"),
        new("classification answers a list", r => r["classification_answers"] = new JsonArray(), "$.classification_answers", "expected an object, found an array"),
    ];

    public static TheoryData<string, string, string> MalformedDocuments() => new()
    {
        { "", "$", "the input is empty; expected a label row object or an array of label rows" },
        { "   \n ", "$", "the input is empty; expected a label row object or an array of label rows" },
        { "42", "$", "expected a label row object or an array of label rows, found Number" },
        { "\"row\"", "$", "expected a label row object or an array of label rows, found String" },
        { "[{\"data_hash\": \"a\"}, 7]", "$[1]", "expected a label row object, found Number" },
        { "[{\"data_hash\": \"a\"}, {\"data_hash\": 7}]", "$[1].data_hash", "expected a string, found number 7" },
        { "{\"data_hash\": \"a\"} {}", "$", "unexpected data after the end of the JSON at byte 19" },
        { "[{\"data_hash\": \"a\"}] x", "$", "unexpected data after the end of the JSON at byte 21" },
        { "[{\"data_hash\": \"a\"}", "$[1]", "unexpected end of input: the JSON is truncated" },
        { "{\"data_hash\": \"a\"", "$", "unexpected end of input: the JSON is truncated" },
        { "[\n  {\"data_hash\": \"a\"},\n  {\"data_hash\": \"b\" \"c\"}\n]", "$[1]", "malformed JSON at line 3, byte 21: '\"' is invalid after a value" },
        { "[{\"data_hash\": \"a\"},", "$[1]", "unexpected end of input: the JSON is truncated" },
        { "[{\"data_hash\": \"a\",}]", "$[0]", "malformed JSON at line 1, byte 20: The JSON object contains a trailing comma at the end which is not supported in this mode" },
        { "{\"data_hash\": NaN}", "$", "malformed JSON at line 1, byte 15: 'N' is an invalid start of a value" },
        { "[{\"data_hash\": 'a'}]", "$[0]", "malformed JSON at line 1, byte 16: ''' is an invalid start of a value" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void Wrong_type_or_missing_field_fails_with_path_and_value(BadInputCase bad)
    {
        var json = Row();
        bad.Break(json);

        var error = Assert.Throws<LabelFormatException>(() => LabelRowReader.ParseRow(json.ToJsonString()));

        Assert.Equal(bad.Path, error.Path);
        Assert.Equal(bad.Message, error.Problem);
        Assert.Equal(bad.Path + ": " + bad.Message, error.Message);
    }

    [Theory]
    [MemberData(nameof(MalformedDocuments))]
    public void Malformed_document_fails_with_path_and_reason(string json, string path, string problem)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<LabelFormatException>(() => LabelRowReader.ReadAll(stream).ToList());

        Assert.Equal(path, error.Path);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public async Task A_bad_row_in_an_export_is_named_by_its_index_and_the_async_reader_agrees()
    {
        var good = Row().ToJsonString();
        var bad = Row();
        Object(bad, 0)["boundingBox"]!["w"] = "wide";
        var export = Encoding.UTF8.GetBytes("[" + good + "," + good + "," + bad.ToJsonString() + "]");

        using var syncStream = new MemoryStream(export);
        var read = 0;
        var error = Assert.Throws<LabelFormatException>(() =>
        {
            foreach (var _ in LabelRowReader.ReadAll(syncStream))
            {
                read++;
            }
        });
        Assert.Equal(2, read);
        Assert.Equal("$[2].data_units.du1.labels.0.objects[0].boundingBox.w", error.Path);

        var asyncError = await Assert.ThrowsAsync<LabelFormatException>(async () =>
        {
            await foreach (var _ in LabelRowReader.ReadAllAsync(new MemoryStream(export)))
            {
            }
        });
        Assert.Equal(error.Path, asyncError.Path);
        Assert.Equal(error.Problem, asyncError.Problem);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_a_format_error_at_its_object()
    {
        var bytes = Encoding.UTF8.GetBytes(Row().ToJsonString());
        var at = Encoding.UTF8.GetBytes(Row().ToJsonString()).AsSpan().IndexOf("a@b.c"u8);
        bytes[at + 1] = 0xC3; // a lead byte followed by 'b': not UTF-8

        var error = Assert.Throws<LabelFormatException>(() => LabelRowReader.ReadAll(new MemoryStream(bytes)).ToList());

        Assert.Equal("$.data_units.du1.labels.0.objects[0]", error.Path);
        Assert.Equal("a string or property name here is not valid UTF-8", error.Problem);
    }

    [Fact]
    public void ReadEach_reports_a_bad_row_and_goes_on_with_the_next()
    {
        var bad = Row();
        bad["data_hash"] = 3;
        var export = Encoding.UTF8.GetBytes("[" + Row().ToJsonString() + "," + bad.ToJsonString() + "," + Row().ToJsonString() + "]");

        var results = LabelRowReader.ReadEach(new MemoryStream(export)).ToList();

        Assert.Equal(3, results.Count);
        Assert.NotNull(results[0].Row);
        Assert.Equal("$[1].data_hash", results[1].Error!.Path);
        Assert.NotNull(results[2].Row);
        Assert.Equal(2, results[2].Index);
    }
}
