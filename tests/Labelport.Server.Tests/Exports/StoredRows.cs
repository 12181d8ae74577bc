using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Storage.Records;

namespace Labelport.Server.Tests.Exports;

/// <summary>A label row as the store keeps it: its columns and its JSON without export fields (history has its own table).</summary>
internal static class StoredRows
{
    public static LabelRowRecord From(string projectHash, LabelRow row)
    {
        row.ExportHistory.Clear();
        row.ExportHash = null;
        row.ExportedAt = null;
        using var output = new MemoryStream();
        using (var writer = new LabelRowWriter(output))
        {
            writer.Write(row);
            writer.Flush();
        }
        var classifications = 0;
        foreach (var unit in row.DataUnits.Values)
        {
            foreach (var frame in unit.Frames)
            {
                classifications += frame.Classifications.Count;
            }
        }
        return new LabelRowRecord(
            projectHash,
            row.LabelHash ?? throw new ArgumentException("the fixture row has no label hash", nameof(row)),
            row.DataHash,
            row.DataTitle ?? string.Empty,
            row.DataType ?? "image",
            row.DatasetHash,
            row.LabelStatusName ?? "NOT_LABELLED",
            row.AnnotationTaskStatusName,
            EncordDates.TryParse(row.CreatedAt, out var created) ? created : DateTimeOffset.UnixEpoch,
            EncordDates.TryParse(row.LastEditedAt, out var edited) ? edited : DateTimeOffset.UnixEpoch,
            row.EnumerateObjects().Count(),
            classifications,
            output.ToArray());
    }
}
