using System.Text;
using System.Text.Json.Nodes;
using Labelport.Benchmarks.Generation;
using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Core.Tests.Validation;

namespace Labelport.Core.Tests.Encord;

/// <summary>The reader streams: rows come out one at a time, whatever the read sizes, synchronously or not.</summary>
public sealed class StreamingReadTests
{
    public static TheoryData<string> All() => Fixtures.All();

    [Theory]
    [MemberData(nameof(All))]
    public async Task Async_reader_yields_the_same_rows_as_the_sync_reader(string name)
    {
        var rows = new List<LabelRow>();
        await foreach (var row in LabelRowReader.ReadAllAsync(new MemoryStream(Fixtures.LabelBytes(name))))
        {
            rows.Add(row);
        }
        Assert.Equal(Fixtures.Write(Fixtures.Rows(name)), Fixtures.Write(rows));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Rows_are_the_same_whatever_size_the_reads_have(int chunk)
    {
        var bytes = Fixtures.LabelBytes("platform_export");
        var expected = Fixtures.Write(Fixtures.Rows("platform_export"));

        Assert.Equal(expected, Fixtures.Write(LabelRowReader.ReadAll(new TrickleStream(bytes, chunk))));
        var rows = new List<LabelRow>();
        await foreach (var row in LabelRowReader.ReadAllAsync(new TrickleStream(bytes, chunk)))
        {
            rows.Add(row);
        }
        Assert.Equal(expected, Fixtures.Write(rows));
    }

    [Fact]
    public void First_row_is_yielded_after_reading_only_a_small_part_of_a_large_export()
    {
        var bytes = new ExportGenerator(new ExportGeneratorOptions { Rows = 300, FramesPerVideo = 10 }).ToBytes();
        var stream = new TrickleStream(bytes, 16 * 1024);

        using var rows = LabelRowReader.ReadAll(stream).GetEnumerator();
        Assert.True(rows.MoveNext());
        var afterFirst = stream.Position;
        var count = 1;
        while (rows.MoveNext())
        {
            count++;
        }

        Assert.Equal(300, count);
        // One row plus one read-ahead buffer, not the whole file (a few MB).
        Assert.InRange(afterFirst, 1, bytes.Length / 20);
    }

    [Fact]
    public void A_single_row_an_array_of_one_and_a_bom_prefixed_array_read_alike()
    {
        var row = SampleLabels.RowJson;
        var single = Fixtures.Write([LabelRowReader.ParseRow(row)]);
        var array = Fixtures.Write(LabelRowReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes("[" + row + "]"))));
        var bom = Fixtures.Write(LabelRowReader.ReadAll(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(" \n[" + row + "]\n")])));
        Assert.Equal(single, array);
        Assert.Equal(single, bom);
        Assert.Empty(LabelRowReader.ReadAll(new MemoryStream("[]"u8.ToArray())));
    }

    [Fact]
    public void Field_order_does_not_matter()
    {
        // Every object's keys reversed, data units, frames and answer dictionaries included; arrays keep their order.
        var reversed = Reverse(SampleLabels.Row());
        using var expected = System.Text.Json.JsonDocument.Parse(Fixtures.Write([LabelRowReader.ParseRow(SampleLabels.RowJson)]));
        using var actual = System.Text.Json.JsonDocument.Parse(Fixtures.Write([LabelRowReader.ParseRow(reversed.ToJsonString())]));
        Assert.Empty(JsonTreeDiff.Compare(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void Image_group_data_sequence_keeps_its_string_or_integer_form()
    {
        var sdk = Fixtures.Rows("image_group")[0];
        Assert.All(sdk.DataUnits.Values, u => Assert.True(u.DataSequenceIsString));
        Assert.Contains("\"data_sequence\":\"1\"", Encoding.UTF8.GetString(Fixtures.Write([sdk])), StringComparison.Ordinal);
        var platform = Fixtures.Rows("platform_export")[1];
        Assert.Equal("img_group", platform.DataType);
        Assert.All(platform.DataUnits.Values, u => Assert.False(u.DataSequenceIsString));
        Assert.Equal([0, 1], platform.DataUnits.Values.Select(u => u.DataSequence));
    }

    [Theory]
    [InlineData("2023-02-09 14:12:03")]
    [InlineData("Thu, 09 Feb 2023 14:12:03 UTC")]
    [InlineData("Thu, 09 Feb 2023 14:12:03 GMT")]
    [InlineData("2023-02-09T14:12:03Z")]
    [InlineData("2023-02-09T14:12:03")]
    [InlineData("2023-02-09T15:42:03+01:30")]
    public void Every_date_form_parses_to_the_same_instant_and_is_written_back_as_read(string text)
    {
        var json = SampleLabels.Row();
        json["created_at"] = text;
        SampleLabels.Object(json, 0)["createdAt"] = text;
        var row = LabelRowReader.ParseRow(json.ToJsonString());

        Assert.True(EncordDates.TryParse(row.CreatedAt, out var instant));
        Assert.Equal(new DateTimeOffset(2023, 2, 9, 14, 12, 3, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        var written = JsonNode.Parse(Fixtures.Write([row]))![0]!;
        Assert.Equal(text, (string?)written["created_at"]);
        Assert.Equal(text, (string?)written["data_units"]!["du1"]!["labels"]!["0"]!["objects"]![0]!["createdAt"]);
    }

    [Fact]
    public void Unknown_fields_at_every_level_are_kept_and_written_back()
    {
        var json = SampleLabels.Row();
        var extra = JsonNode.Parse("""{"nested": [1, 2.50, {"deep": null}], "flag": true}""")!;
        json["x_row"] = extra.DeepClone();
        SampleLabels.Unit(json)["x_unit"] = extra.DeepClone();
        SampleLabels.Frame0(json)["metadata"] = extra.DeepClone();
        SampleLabels.Object(json, 0)["x_object"] = extra.DeepClone();
        SampleLabels.Object(json, 6)["skeleton"]!["0"]!["x_point"] = extra.DeepClone();
        SampleLabels.Object(json, 0)["cuboid_2d"] = extra.DeepClone();
        SampleLabels.Frame0(json)["classifications"]![0]!["x_classification"] = extra.DeepClone();
        json["object_answers"]!["o1"]!["x_answer"] = extra.DeepClone();
        json["object_answers"]!["o1"]!["classifications"]![0]!["x_attribute"] = extra.DeepClone();
        json["object_answers"]!["o1"]!["classifications"]![0]!["answers"]![0]!["x_option"] = extra.DeepClone();
        json["object_actions"]!["o1"]!["x_action"] = extra.DeepClone();
        json["export_history"] = JsonNode.Parse("""[{"export_hash": "e", "exported_at": "Fri, 01 Dec 2023 11:17:24 UTC", "user_email": "a@b.c", "x_entry": 1}]""");
        json["spaces"] = new JsonObject { ["space-1"] = extra.DeepClone() };

        var bytes = Fixtures.Write([LabelRowReader.ParseRow(json.ToJsonString())]);

        // Against the plain sample written the same way, the only differences are the added fields.
        using var plain = System.Text.Json.JsonDocument.Parse(Fixtures.Write([LabelRowReader.ParseRow(SampleLabels.RowJson)]));
        using var actual = System.Text.Json.JsonDocument.Parse(bytes);
        var differences = JsonTreeDiff.Compare(plain.RootElement, actual.RootElement);
        string[] added =
        [
            "$[0].data_units.du1.labels.0.objects[0].x_object", "$[0].data_units.du1.labels.0.objects[0].cuboid_2d",
            "$[0].data_units.du1.labels.0.objects[6].skeleton.0.x_point", "$[0].data_units.du1.labels.0.classifications[0].x_classification",
            "$[0].data_units.du1.labels.0.metadata", "$[0].data_units.du1.x_unit",
            "$[0].object_answers.o1.classifications[0].answers[0].x_option", "$[0].object_answers.o1.classifications[0].x_attribute",
            "$[0].object_answers.o1.x_answer", "$[0].object_actions.o1.x_action",
            "$[0].export_history[0]", "$[0].x_row", "$[0].spaces",
        ];
        Assert.Equal(added.Order(StringComparer.Ordinal), differences.Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.All(differences, d => Assert.Equal(DifferenceKind.Added, d.Kind));
        Assert.Contains("\"x_entry\":1", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        // Unknown values are copied as raw JSON: even the number text stays as written.
        Assert.Equal(12, Encoding.UTF8.GetString(bytes).Split("[1,2.50,{\"deep\":null}]").Length - 1);
    }

    private static JsonNode Reverse(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)Reverse(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(n => n is null ? null : Reverse(n))]),
        _ => node.DeepClone(),
    };
}
