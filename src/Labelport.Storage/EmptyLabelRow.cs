using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Storage.Records;

namespace Labelport.Storage;

/// <summary>
/// The stored JSON of a label row created when a dataset is attached: the item's data units, no labels,
/// status NOT_LABELLED (shared by the SQLite and PostgreSQL stores).
/// </summary>
internal static class EmptyLabelRow
{
    public const string Status = "NOT_LABELLED";

    public static byte[] ToJson(DataItemRecord item, string? datasetTitle, string labelHash, DateTimeOffset now)
    {
        var date = LabelRowJson.FormatRowDate(now);
        var row = new LabelRow
        {
            LabelHash = labelHash,
            CreatedAt = date,
            LastEditedAt = date,
            DataHash = item.DataHash,
            DatasetHash = item.DatasetHash,
            DatasetTitle = datasetTitle,
            DataTitle = item.Title,
            DataType = item.DataType,
            IsImageSequence = item.IsImageSequence,
            LabelStatusName = Status,
        };
        foreach (var unitRecord in item.Units)
        {
            var unit = new DataUnit
            {
                DataHash = unitRecord.DataHash,
                DataTitle = unitRecord.Title,
                DataLink = unitRecord.ExternalLink,
                DataType = unitRecord.MimeType,
                DataSequence = unitRecord.Sequence,
                Width = unitRecord.Width,
                Height = unitRecord.Height,
                DataFps = unitRecord.Fps,
                DataDuration = unitRecord is { Frames: { } frames, Fps: > 0 and var fps } ? frames / fps : null,
            };
            unit.LabelsByFrame = unit.IsVideo || unit.IsDicom || unit.IsNifti;
            if (!unit.LabelsByFrame)
            {
                unit.Frames.Add(new FrameLabels { Frame = 0 });
            }
            row.DataUnits[unit.DataHash] = unit;
        }
        using var buffer = new MemoryStream();
        using (var writer = new LabelRowWriter(buffer))
        {
            writer.Write(row);
            writer.Flush();
        }
        return buffer.ToArray();
    }
}
