using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Labelport.Core.Export;
using Labelport.Core.Model;
using Labelport.Core.Ontology;
using Labelport.Server.Exports;
using Labelport.Storage.Records;

namespace Labelport.Server.Tests.Exports;

/// <summary>
/// The expected file: the offline converter (<see cref="ConvertPipeline"/>) on the same rows, in the store's order,
/// with the same filter. A server file must equal it except the export stamp and history, asserted explicitly.
/// </summary>
internal static class ExportOracle
{
    public static byte[] Convert(IEnumerable<LabelRow> rows, string ontologyJson, ExportRequest request)
    {
        var ontology = OntologyReader.Parse(ontologyJson);
        using var input = new MemoryStream(FixtureRows.ToJson(FixtureRows.InStoreOrder(rows)));
        using var output = new MemoryStream();
        var filter = request.ToFilter();
        if (request.Format == ExportFormats.Coco)
        {
            ConvertPipeline.ToCoco(input, output, ontology, filter);
        }
        else
        {
            ConvertPipeline.ToEncord(input, output, ontology, filter);
        }
        return output.ToArray();
    }

    /// <summary>The job succeeded, its size and SHA-256 are the file's, and progress reached the total.</summary>
    public static void AssertSucceeded(ExportJobRecord job, byte[] file, long expectedRows)
    {
        Assert.Equal(ExportJobStatus.Succeeded, job.Status);
        Assert.Null(job.Error);
        Assert.Equal(file.LongLength, job.Size);
        Assert.Equal(System.Convert.ToHexStringLower(SHA256.HashData(file)), job.Sha256);
        Assert.Equal(expectedRows, job.ProgressTotal);
        Assert.Equal(expectedRows, job.ProgressDone);
    }

    /// <summary>
    /// Encord JSON: the same rows in the same order, equal except <c>export_hash</c>, <c>exported_at</c> and
    /// <c>export_history</c>, which must be the job's stamp followed by <paramref name="previousHistory"/> (newest first).
    /// </summary>
    public static void AssertEncordEqualExceptStamp(
        byte[] expected, byte[] actual, ExportJobRecord job, string userEmail,
        Func<string, IReadOnlyList<ExportHistoryRecord>>? previousHistory = null)
    {
        var expectedRows = JsonNode.Parse(expected)!.AsArray();
        var actualRows = JsonNode.Parse(actual)!.AsArray();
        Assert.Equal(expectedRows.Count, actualRows.Count);
        var exportedAt = EncordDates.Format(job.StartedAt!.Value);
        for (var i = 0; i < expectedRows.Count; i++)
        {
            var want = expectedRows[i]!.AsObject();
            var got = actualRows[i]!.AsObject();
            var labelHash = (string)got["label_hash"]!;
            Assert.Equal((string?)want["label_hash"], labelHash);
            Assert.Equal(job.ExportHash, (string?)got["export_hash"]);
            Assert.Equal(exportedAt, (string?)got["exported_at"]);
            var history = got["export_history"]!.AsArray();
            var previous = previousHistory?.Invoke(labelHash) ?? [];
            Assert.Equal(1 + previous.Count, history.Count);
            AssertEntry(history[0]!, job.ExportHash, exportedAt, userEmail);
            for (var h = 0; h < previous.Count; h++)
            {
                AssertEntry(history[h + 1]!, previous[h].ExportHash, EncordDates.Format(previous[h].ExportedAt), previous[h].UserEmail);
            }
            foreach (var name in (string[])["export_hash", "exported_at", "export_history"])
            {
                want.Remove(name);
                got.Remove(name);
            }
            Assert.True(JsonNode.DeepEquals(want, got), $"row {i} ({labelHash}) differs:\nexpected {want.ToJsonString()}\nactual   {got.ToJsonString()}");
        }
    }

    private static void AssertEntry(JsonNode entry, string exportHash, string exportedAt, string email)
    {
        Assert.Equal(exportHash, (string?)entry["export_hash"]);
        Assert.Equal(exportedAt, (string?)entry["exported_at"]);
        Assert.Equal(email, (string?)entry["user_email"]);
    }
}
