using Labelport.Storage.Records;

namespace Labelport.Server.Datasets;

public sealed record DataUnitResponse(string DataHash, string Title, string MimeType, int? Width, int? Height, int? Frames, double? Fps, long Size, int Sequence)
{
    public static DataUnitResponse From(DataUnitRecord unit) =>
        new(unit.DataHash, unit.Title, unit.MimeType, unit.Width, unit.Height, unit.Frames, unit.Fps, unit.Size, unit.Sequence);
}
