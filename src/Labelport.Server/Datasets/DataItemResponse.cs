using Labelport.Storage.Records;

namespace Labelport.Server.Datasets;

public sealed record DataItemResponse(string DataHash, string DatasetHash, string Title, string DataType, bool IsImageSequence, IReadOnlyList<DataUnitResponse> Units, DateTimeOffset CreatedAt)
{
    public static DataItemResponse From(DataItemRecord item) => new(
        item.DataHash, item.DatasetHash, item.Title, item.DataType, item.IsImageSequence,
        item.Units.OrderBy(u => u.Sequence).Select(DataUnitResponse.From).ToArray(), item.CreatedAt);
}
