using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Tests.Shared;

namespace Labelport.Deployment.Tests;

/// <summary>
/// Copies of the rows of a repository fixture (tests/data/encord), each copy with its own label hashes, data hashes
/// and titles, so a project of any size can be made and every row is known to the test.
/// </summary>
internal sealed class ProjectRows
{
    private ProjectRows(string fixture, List<(int Copy, LabelRow Row)> rows)
    {
        Fixture = fixture;
        Rows = rows;
    }

    public string Fixture { get; }

    public IReadOnlyList<(int Copy, LabelRow Row)> Rows { get; }

    public string OntologyJson => File.ReadAllText(TestData.Encord(Fixture + ".ontology.json"));

    public static ProjectRows Copies(string fixture, int copies)
    {
        byte[] source;
        using (var file = File.OpenRead(TestData.Encord(fixture + ".labels.json")))
        {
            source = ToJson(LabelRowReader.ReadAll(file));
        }
        var rows = new List<(int, LabelRow)>();
        for (var k = 0; k < copies; k++)
        {
            using var stream = new MemoryStream(source);
            foreach (var row in LabelRowReader.ReadAll(stream))
            {
                row.LabelHash = Guid.NewGuid().ToString();
                row.DataHash = Guid.NewGuid().ToString();
                row.DataTitle = $"{row.DataTitle}-{k:D5}";
                rows.Add((k, row));
            }
        }
        return new ProjectRows(fixture, rows);
    }

    public static byte[] ToJson(IEnumerable<LabelRow> rows)
    {
        using var output = new MemoryStream();
        LabelRowWriter.WriteExport(output, rows);
        return output.ToArray();
    }

    /// <summary>The rows in chunks of Encord JSON arrays, for imports of a bounded size.</summary>
    public IEnumerable<byte[]> Chunks(int rowsPerChunk) => Rows.Select(r => r.Row).Chunk(rowsPerChunk).Select(ToJson);

    /// <summary>Label hashes in the order an export writes them: data title, then label hash (ordinal).</summary>
    public List<string> InExportOrder(IEnumerable<LabelRow> rows) =>
        [.. rows.OrderBy(r => r.DataTitle ?? string.Empty, StringComparer.Ordinal).ThenBy(r => r.LabelHash, StringComparer.Ordinal).Select(r => r.LabelHash!)];
}
