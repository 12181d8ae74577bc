using Labelport.Storage.Records;

namespace Labelport.Server.Datasets;

public sealed record DatasetResponse(string DatasetHash, string Title, string? Description, DateTimeOffset CreatedAt)
{
    public static DatasetResponse From(DatasetRecord dataset) => new(dataset.DatasetHash, dataset.Title, dataset.Description, dataset.CreatedAt);
}
