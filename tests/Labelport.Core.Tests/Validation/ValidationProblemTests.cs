using System.Text.Json.Nodes;
using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Core.Validation;
using static Labelport.Core.Tests.Validation.SampleLabels;

namespace Labelport.Core.Tests.Validation;

/// <summary>
/// Rows that read fine but break the ontology's or the format's rules: each must yield exactly the expected problem,
/// with its JSON path and a message that names the offending value (issue 2 item 7).
/// </summary>
public sealed class ValidationProblemTests
{
    private static readonly LabelRowValidator Validator = new(SampleLabels.Ontology());

    public static TheoryData<BadInputCase> Cases() =>
    [
        new("unknown object featureHash", r => Object(r, 0)["featureHash"] = "nope",
            "$.data_units.du1.labels.0.objects[0].featureHash", "unknown object featureHash \"nope\" (not in the ontology)"),
        new("shape differs from the ontology object", r => { Object(r, 4)["shape"] = "bounding_box"; Object(r, 4)["boundingBox"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["w"] = 0.1, ["h"] = 0.1 }; },
            "$.data_units.du1.labels.0.objects[4].shape", "\"bounding_box\" does not match the ontology object \"Dot\", which is a point"),
        new("box x above 1", r => Object(r, 0)["boundingBox"]!["x"] = 1.2,
            "$.data_units.du1.labels.0.objects[0].boundingBox.x", "x = 1.2 is outside [0, 1] (coordinates are fractions of the image size)"),
        new("box y below 0", r => Object(r, 0)["boundingBox"]!["y"] = -0.5,
            "$.data_units.du1.labels.0.objects[0].boundingBox.y", "y = -0.5 is outside [0, 1] (coordinates are fractions of the image size)"),
        new("box extends past the right edge", r => Object(r, 0)["boundingBox"]!["w"] = 0.95,
            "$.data_units.du1.labels.0.objects[0].boundingBox.w", "box ends at x + w = 1.05, outside the image (must be ≤ 1)"),
        new("box extends past the bottom edge", r => Object(r, 0)["boundingBox"]!["h"] = 0.9,
            "$.data_units.du1.labels.0.objects[0].boundingBox.h", "box ends at y + h = 1.1, outside the image (must be ≤ 1)"),
        new("rotatable box x above 1", r => Object(r, 1)["rotatableBoundingBox"]!["x"] = 2,
            "$.data_units.du1.labels.0.objects[1].rotatableBoundingBox.x", "x = 2 is outside [0, 1] (coordinates are fractions of the image size)"),
        new("legacy polygon point outside", r => { Object(r, 2).Remove("polygons"); Object(r, 2)["polygon"]!["1"]!["y"] = 1.5; },
            "$.data_units.du1.labels.0.objects[2].polygon.1.y", "y = 1.5 is outside [0, 1] (coordinates are fractions of the image size)"),
        new("legacy polygon with two points", r => { Object(r, 2).Remove("polygons"); Object(r, 2)["polygon"]!.AsObject().Remove("2"); },
            "$.data_units.du1.labels.0.objects[2].polygon", "a polygon ring needs at least 3 points, found 2"),
        new("hole coordinate outside", r => Object(r, 2)["polygons"]![0]![1]![3] = 7.5,
            "$.data_units.du1.labels.0.objects[2].polygons[0][1].3", "y = 7.5 is outside [0, 1] (coordinates are fractions of the image size)"),
        new("second polygon with two points", r => Object(r, 2)["polygons"]![1]![0] = new JsonArray(0.1, 0.1, 0.2, 0.2),
            "$.data_units.du1.labels.0.objects[2].polygons[1][0]", "a polygon ring needs at least 3 points, found 2"),
        new("polygon without rings", r => Object(r, 2)["polygons"]![1] = new JsonArray(),
            "$.data_units.du1.labels.0.objects[2].polygons[1]", "a polygon needs an outer ring"),
        new("polyline with one point", r => Object(r, 3)["polyline"]!.AsObject().Remove("1"),
            "$.data_units.du1.labels.0.objects[3].polyline", "a polyline needs at least 2 points, found 1"),
        new("polyline point outside", r => Object(r, 3)["polyline"]!["1"]!["x"] = -0.2,
            "$.data_units.du1.labels.0.objects[3].polyline.1.x", "x = -0.2 is outside [0, 1] (coordinates are fractions of the image size)"),
        new("point outside", r => Object(r, 4)["point"]!["0"]!["x"] = 3,
            "$.data_units.du1.labels.0.objects[4].point.0.x", "x = 3 is outside [0, 1] (coordinates are fractions of the image size)"),
        new("skeleton point outside", r => Object(r, 6)["skeleton"]!["1"]!["y"] = 1.01,
            "$.data_units.du1.labels.0.objects[6].skeleton.1.y", "y = 1.01 is outside [0, 1] (coordinates are fractions of the image size)"),
        new("skeleton visibility unknown", r => Object(r, 6)["skeleton"]!["0"]!["visibility"] = "hidden",
            "$.data_units.du1.labels.0.objects[6].skeleton.0.visibility", "unknown visibility \"hidden\"; expected visible, invisible, occluded or selfOccluded"),
        new("bitmask height differs from the frame", r => { Object(r, 5)["bitmask"]!["height"] = 40; Object(r, 5)["bitmask"]!["rleString"] = "`n1Xo0Xo0"; },
            "$.data_units.du1.labels.0.objects[5].bitmask.height", "bitmask height 40 differs from the data unit's height 50"),
        new("bitmask width differs from the frame", r => { Object(r, 5)["bitmask"]!["width"] = 125; Object(r, 5)["bitmask"]!["height"] = 40; Unit(r)["height"] = 40; },
            "$.data_units.du1.labels.0.objects[5].bitmask.width", "bitmask width 125 differs from the data unit's width 100"),
        new("bitmask counts short of height × width", r => Object(r, 5)["bitmask"]!["rleString"] = "`n1Xo0_n1",
            "$.data_units.du1.labels.0.objects[5].bitmask.rleString", "RLE counts sum to 4999 pixels but height × width is 5000"),
        new("bitmask not full-frame", r => Object(r, 5)["bitmask"]!["top"] = 3,
            "$.data_units.du1.labels.0.objects[5].bitmask.top", "bitmasks are full-frame: top and left must be 0, found 3, 0"),
        new("duplicate objectHash on one frame", r => Object(r, 1)["objectHash"] = "o1",
            "$.data_units.du1.labels.0.objects[1].objectHash", "duplicate objectHash \"o1\" on one frame"),
        new("duplicate classificationHash on one frame", r => Frame0(r)["classifications"]!.AsArray().Add(Frame0(r)["classifications"]![0]!.DeepClone()),
            "$.data_units.du1.labels.0.classifications[1].classificationHash", "duplicate classificationHash \"c1\" on one frame"),
        new("unknown classification on a frame", r => Frame0(r)["classifications"]![0]!["featureHash"] = "zzz",
            "$.data_units.du1.labels.0.classifications[0].featureHash", "unknown classification featureHash \"zzz\" (not in the ontology)"),
        new("radio with no answer", r => r["object_answers"]!["o1"]!["classifications"]![0]!["answers"] = new JsonArray(),
            "$.object_answers.o1.classifications[0].answers", "radio attribute \"colour\" needs exactly one answer, found 0 option(s)"),
        new("radio with two answers", r => r["object_answers"]!["o1"]!["classifications"]![0]!["answers"]!.AsArray().Add(new JsonObject { ["featureHash"] = "blueO" }),
            "$.object_answers.o1.classifications[0].answers", "radio attribute \"colour\" needs exactly one answer, found 2 option(s)"),
        new("radio answered with text", r => r["classification_answers"]!["c1"]!["classifications"]![0]!["answers"] = "sunny",
            "$.classification_answers.c1.classifications[0].answers", "radio attribute \"weather\" needs exactly one answer, found text \"sunny\""),
        new("option of another attribute", r => r["object_answers"]!["o1"]!["classifications"]![0]!["answers"]![0]!["featureHash"] = "sunnyO",
            "$.object_answers.o1.classifications[0].answers[0]", "option featureHash \"sunnyO\" is not an option of \"colour\""),
        new("checklist answered with a number", r => r["object_actions"]!["o1"]!["actions"]![0]!["answers"] = 4,
            "$.object_actions.o1.actions[0].answers", "checklist attribute \"flags\" needs a list of options, found number 4"),
        new("text answered with a number", r => r["object_answers"]!["o1"]!["classifications"]![1]!["answers"] = 12,
            "$.object_answers.o1.classifications[1].answers", "text attribute \"note\" needs a string, found number 12"),
        new("numeric answered with text", r => r["object_answers"]!["o1"]!["classifications"]![2]!["answers"] = "three",
            "$.object_answers.o1.classifications[2].answers", "numeric attribute \"count\" needs a number, found text \"three\""),
        new("unknown attribute", r => r["object_answers"]!["o1"]!["classifications"]![1]!["featureHash"] = "ghost",
            "$.object_answers.o1.classifications[1].featureHash", "unknown attribute featureHash \"ghost\" (not in the ontology)"),
        new("attribute of another ontology entry", r => r["object_answers"]!["o1"]!["classifications"]![1]!["featureHash"] = "sceneA",
            "$.object_answers.o1.classifications[1].featureHash", "attribute \"scene\" (sceneA) does not belong to this object's or classification's ontology entry"),
        new("unknown classification in the answers", r => r["classification_answers"]!["g1"]!["featureHash"] = "lost",
            "$.classification_answers.g1.featureHash", "unknown classification featureHash \"lost\" (not in the ontology)"),
        new("classification answer keyed wrongly", r => r["classification_answers"]!["c1"]!["classificationHash"] = "c9",
            "$.classification_answers.c1.classificationHash", "\"c9\" differs from its key \"c1\""),
        new("object answer keyed wrongly", r => r["object_answers"]!["o1"]!["objectHash"] = "o9",
            "$.object_answers.o1.objectHash", "\"o9\" differs from its key \"o1\""),
        new("dynamic range reversed", r => r["object_actions"]!["o1"]!["actions"]![0]!["range"] = new JsonArray(new JsonArray(3, 1)),
            "$.object_actions.o1.actions[0].range[0]", "range [3, 1] is reversed (start after end)"),
        new("dynamic range past the video", r => r["object_actions"]!["o1"]!["actions"]![0]!["range"]!.AsArray().Add(new JsonArray(8, 12)),
            "$.object_actions.o1.actions[0].range[1]", "range [8, 12] ends after the last frame of the video (9)"),
        new("dynamic range before frame 0", r => r["object_actions"]!["o1"]!["actions"]![0]!["range"] = new JsonArray(new JsonArray(-2, 1)),
            "$.object_actions.o1.actions[0].range[0]", "range [-2, 1] starts before frame 0"),
        new("frame past the end of the video", r => Unit(r)["labels"]!["12"] = new JsonObject { ["objects"] = new JsonArray(), ["classifications"] = new JsonArray() },
            "$.data_units.du1.labels.12", "frame 12 is past the end of the video (10 frames)"),
        new("data unit keyed wrongly", r => Unit(r)["data_hash"] = "du2",
            "$.data_units.du1.data_hash", "\"du2\" differs from its key \"du1\""),
        new("negative width", r => { Frame0(r)["objects"]!.AsArray().RemoveAt(5); Unit(r)["width"] = -100; },
            "$.data_units.du1.width", "must not be negative, found -100"),
        new("unknown label status", r => r["label_status"] = "DONE",
            "$.label_status", "unknown label status \"DONE\"; expected one of NOT_LABELLED, LABEL_IN_PROGRESS, LABELLED, REVIEW_IN_PROGRESS, REVIEWED, REVIEWED_TWICE"),
        new("unknown annotation task status", r => r["annotation_task_status"] = "FINISHED",
            "$.annotation_task_status", "unknown annotation task status \"FINISHED\"; expected one of QUEUED, ASSIGNED, IN_REVIEW, RETURNED, COMPLETED"),
        new("unreadable date", r => r["created_at"] = "yesterday",
            "$.created_at", "not a date Encord writes: \"yesterday\""),
        new("unreadable object date", r => Object(r, 0)["createdAt"] = "31/12/2023",
            "$.data_units.du1.labels.0.objects[0].createdAt", "not a date Encord writes: \"31/12/2023\""),
        new("confidence above 1", r => Object(r, 0)["confidence"] = 1.5,
            "$.data_units.du1.labels.0.objects[0].confidence", "must be in [0, 1], found 1.5"),
    ];

    [Fact]
    public void The_sample_row_is_valid()
    {
        var row = LabelRowReader.ParseRow(RowJson);
        Assert.Empty(Validator.Validate(row));
        Assert.Equal(7, row.DataUnits["du1"].Frames[0].Objects.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_row_yields_exactly_the_expected_problem(BadInputCase bad)
    {
        var json = Row();
        bad.Break(json);
        var row = LabelRowReader.ParseRow(json.ToJsonString());

        var problems = Validator.Validate(row);

        var problem = Assert.Single(problems);
        Assert.Equal(bad.Path, problem.Path);
        Assert.Equal(bad.Message, problem.Message);
    }

    [Fact]
    public void Every_problem_of_a_row_is_reported_not_just_the_first()
    {
        var json = Row();
        Object(json, 0)["featureHash"] = "nope";
        Object(json, 3)["polyline"]!["0"]!["x"] = 4;
        json["label_status"] = "DONE";
        json["object_actions"]!["o1"]!["actions"]![0]!["range"] = new JsonArray(new JsonArray(5, 2));

        var paths = Validator.Validate(LabelRowReader.ParseRow(json.ToJsonString())).Select(p => p.Path).ToList();

        Assert.Equal(
        [
            "$.label_status",
            "$.data_units.du1.labels.0.objects[0].featureHash",
            "$.data_units.du1.labels.0.objects[3].polyline.0.x",
            "$.object_actions.o1.actions[0].range[0]",
        ], paths);
    }

    [Fact]
    public void Row_index_prefixes_paths_in_an_export()
    {
        var json = Row();
        json["label_status"] = "DONE";
        var problem = Assert.Single(Validator.Validate(LabelRowReader.ParseRow(json.ToJsonString()), index: 4));
        Assert.Equal("$[4].label_status", problem.Path);
    }

    [Fact]
    public void NaN_and_infinite_coordinates_built_in_code_are_reported()
    {
        // JSON cannot carry NaN, but rows built by code (importers, the server) can.
        var row = LabelRowReader.ParseRow(RowJson);
        var frame = row.DataUnits["du1"].Frames[0];
        frame.Objects[0].Geometry = new BoundingBox(double.NaN, 0.1, 0.2, 0.2);
        frame.Objects[4].Geometry = new PointGeometry(new NormalizedPoint(0.5, double.PositiveInfinity));

        var problems = Validator.Validate(row);

        Assert.Equal(
        [
            new ValidationProblem("$.data_units.du1.labels.0.objects[0].boundingBox.x", "x must be a finite number, found NaN"),
            new ValidationProblem("$.data_units.du1.labels.0.objects[4].point.0.y", "y must be a finite number, found Infinity"),
        ], problems);
    }

    [Fact]
    public void A_small_overshoot_within_the_tolerance_is_accepted()
    {
        var json = Row();
        Object(json, 0)["boundingBox"]!["x"] = 1.0005 - 0.3;
        Object(json, 4)["point"]!["0"]!["x"] = 1.0009;
        Object(json, 4)["point"]!["0"]!["y"] = -0.0009;
        Assert.Empty(Validator.Validate(LabelRowReader.ParseRow(json.ToJsonString())));
    }
}
