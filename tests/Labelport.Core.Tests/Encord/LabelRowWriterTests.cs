using System.Text;
using System.Text.Json.Nodes;
using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Core.Tests.Validation;

namespace Labelport.Core.Tests.Encord;

/// <summary>The writer as the server uses it: row by row, with per-export values (stamp, signed links).</summary>
public sealed class LabelRowWriterTests
{
    [Fact]
    public async Task Rows_written_one_by_one_form_an_array_with_the_export_stamp_and_signed_links()
    {
        var rows = Fixtures.Rows("platform_export");
        var buffer = new MemoryStream();
        var options = new LabelRowWriterOptions
        {
            Stamp = new ExportStamp("new-export", "Wed, 25 Nov 2026 10:45:00 UTC", "admin@example.com"),
            DataLink = (row, unit) => "https://media.example/" + row.DataHash + "/" + unit.DataHash + "?sig=abc",
        };
        await using (var writer = new LabelRowWriter(buffer, options))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.Write(row);
                await writer.FlushIfNeededAsync(threshold: 0);
                Assert.True(buffer.Length > 0, "flushed as it goes");
            }
            writer.WriteEndArray();
            await writer.FlushAsync();
            Assert.Equal(rows.Count, writer.RowsWritten);
        }

        var written = JsonNode.Parse(buffer.ToArray())!.AsArray();
        var original = JsonNode.Parse(Fixtures.LabelBytes("platform_export"))!.AsArray();
        Assert.Equal(rows.Count, written.Count);
        for (var i = 0; i < written.Count; i++)
        {
            var row = written[i]!;
            Assert.Equal("new-export", (string?)row["export_hash"]);
            Assert.Equal("Wed, 25 Nov 2026 10:45:00 UTC", (string?)row["exported_at"]);
            var history = row["export_history"]!.AsArray();
            var previous = original[i]!["export_history"]!.AsArray();
            Assert.Equal(previous.Count + 1, history.Count);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"export_hash":"new-export","exported_at":"Wed, 25 Nov 2026 10:45:00 UTC","user_email":"admin@example.com"}"""), history[0]));
            for (var h = 0; h < previous.Count; h++)
            {
                Assert.True(JsonNode.DeepEquals(previous[h], history[h + 1]), "older entries follow, unchanged, newest first");
            }
            foreach (var (hash, unit) in row["data_units"]!.AsObject())
            {
                Assert.Equal("https://media.example/" + (string?)row["data_hash"] + "/" + hash + "?sig=abc", (string?)unit!["data_link"]);
            }
        }
        // The stamp is per export: the rows themselves are not changed.
        Assert.Equal((string?)original[0]!["export_hash"], rows[0].ExportHash);
    }

    [Fact]
    public void Every_seed_field_is_written_in_the_web_app_dialect()
    {
        var row = Fixtures.Rows("data_1_video")[0];
        var written = JsonNode.Parse(Fixtures.Write([row]))![0]!.AsObject();

        string[] topLevel =
        [
            "label_hash", "created_at", "last_edited_at", "dataset_hash", "dataset_title", "data_title", "data_hash", "data_type",
            "is_image_sequence", "video_link", "data_units", "object_answers", "classification_answers", "object_actions",
            "label_status", "annotation_task_status", "export_history", "export_hash", "exported_at",
        ];
        Assert.All(topLevel, key => Assert.True(written.ContainsKey(key), key));
        var unit = written["data_units"]!.AsObject().First().Value!.AsObject();
        Assert.All(["data_hash", "data_title", "data_link", "data_type", "data_sequence", "width", "height", "labels"], key => Assert.True(unit.ContainsKey(key), key));
        var instance = unit["labels"]!["0"]!["objects"]![0]!.AsObject();
        Assert.All(["name", "color", "shape", "value", "boundingBox", "createdAt", "createdBy", "confidence", "objectHash", "featureHash", "manualAnnotation"], key => Assert.True(instance.ContainsKey(key), key));
    }

    [Fact]
    public void Numbers_are_written_as_read()
    {
        var json = SampleLabels.Row();
        SampleLabels.Object(json, 0)["boundingBox"] = JsonNode.Parse("""{"x": 0.4287, "y": 0.1, "w": 0.1296, "h": 0.30000000000000004}""");
        SampleLabels.Object(json, 0)["confidence"] = 1;
        json["object_answers"]!["o1"]!["classifications"]![2]!["answers"] = 3;

        var text = Encoding.UTF8.GetString(Fixtures.Write([LabelRowReader.ParseRow(json.ToJsonString())]));

        Assert.Contains("\"boundingBox\":{\"x\":0.4287,\"y\":0.1,\"w\":0.1296,\"h\":0.30000000000000004}", text, StringComparison.Ordinal);
        Assert.Contains("\"confidence\":1,", text, StringComparison.Ordinal);
        Assert.Contains("\"answers\":3,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_statuses_are_kept_as_written_and_read_as_missing()
    {
        var json = SampleLabels.Row();
        json["label_status"] = "SOMETHING_NEW";
        json["annotation_task_status"] = "PAUSED";
        var row = LabelRowReader.ParseRow(json.ToJsonString());

        Assert.Equal(LabelStatus.Missing, row.LabelStatus);
        Assert.False(StatusNames.TryParseAnnotationTaskStatus(row.AnnotationTaskStatusName, out _));
        var written = JsonNode.Parse(Fixtures.Write([row]))![0]!;
        Assert.Equal("SOMETHING_NEW", (string?)written["label_status"]);
        Assert.Equal("PAUSED", (string?)written["annotation_task_status"]);
        Assert.Equal(LabelStatus.ReviewedTwice, LabelRowReader.ParseRow(SampleLabels.RowJson.Replace("\"LABELLED\"", "\"REVIEWED_TWICE\"", StringComparison.Ordinal)).LabelStatus);
    }

    [Fact]
    public void Hashes_with_plus_and_slash_are_not_escaped()
    {
        var text = Encoding.UTF8.GetString(Fixtures.Write(Fixtures.Rows("platform_export")));
        Assert.Contains("\"EAfsy1+h\"", text, StringComparison.Ordinal);
        Assert.Contains("\"gKnYYU/b\"", text, StringComparison.Ordinal);
    }
}
