using Labelport.Core.Model;
using Labelport.Storage.Records;

namespace Labelport.Server.LabelRows;

/// <summary>Data items for imported rows whose data is not in the project's datasets: their links are kept.</summary>
internal static class ExternalData
{
    /// <summary>The dataset hash of external data that names none.</summary>
    public const string NoDataset = "";

    public static DataItemRecord ToDataItem(LabelRow row, DateTimeOffset now)
    {
        var units = new List<DataUnitRecord>(row.DataUnits.Count);
        foreach (var unit in row.DataUnits.Values)
        {
            var frames = unit.DataFps is { } fps && unit.DataDuration is { } duration ? (int?)Math.Round(fps * duration) : null;
            units.Add(new DataUnitRecord(
                unit.DataHash,
                row.DataHash,
                unit.DataTitle ?? unit.DataHash,
                unit.DataType ?? "image/jpeg",
                unit.Width,
                unit.Height,
                frames,
                unit.DataFps,
                0,
                unit.DataSequence,
                null,
                unit.DataLink ?? row.VideoLink));
        }
        return new DataItemRecord(
            row.DataHash,
            row.DatasetHash ?? NoDataset,
            row.DataTitle ?? row.DataHash,
            row.DataType ?? "image",
            row.IsImageSequence ?? false,
            now,
            units);
    }
}
