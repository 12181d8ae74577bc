using Labelport.Core.Encord;
using Labelport.Core.Model;

namespace Labelport.Server.LabelRows;

/// <summary>Label rows to and from the stored JSON (web-app dialect, no export stamp or history).</summary>
internal static class LabelRowJson
{
    public static byte[] Write(LabelRow row)
    {
        row.ExportHistory.Clear();
        row.ExportHash = null;
        row.ExportedAt = null;
        using var buffer = new MemoryStream();
        using (var writer = new LabelRowWriter(buffer))
        {
            writer.Write(row);
            writer.Flush();
        }
        return buffer.ToArray();
    }

    public static LabelRow Read(byte[] json)
    {
        using var stream = new MemoryStream(json, writable: false);
        return LabelRowReader.ReadAll(stream).Single();
    }

    public static int CountObjects(LabelRow row)
    {
        var count = 0;
        foreach (var unit in row.DataUnits.Values)
        {
            foreach (var frame in unit.Frames)
            {
                count += frame.Objects.Count;
            }
        }
        return count;
    }

    /// <summary>Distinct classification instances: frame-level ones by hash, plus global ones (answers only).</summary>
    public static int CountClassifications(LabelRow row)
    {
        var hashes = new HashSet<string>(row.ClassificationAnswers.Keys, StringComparer.Ordinal);
        foreach (var unit in row.DataUnits.Values)
        {
            foreach (var frame in unit.Frames)
            {
                foreach (var classification in frame.Classifications)
                {
                    hashes.Add(classification.ClassificationHash);
                }
            }
        }
        return hashes.Count;
    }
}
