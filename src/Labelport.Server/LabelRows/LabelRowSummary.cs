using Labelport.Storage.Records;

namespace Labelport.Server.LabelRows;

public sealed record LabelRowSummary(
    string LabelHash,
    string DataHash,
    string DataTitle,
    string DataType,
    string? DatasetHash,
    string LabelStatus,
    string? AnnotationTaskStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastEditedAt,
    int ObjectCount,
    int ClassificationCount,
    IReadOnlyList<LabelRowUnitSummary> Units)
{
    public static LabelRowSummary From(LabelRowRecord row, IReadOnlyList<LabelRowUnitSummary> units) => new(
        row.LabelHash, row.DataHash, row.DataTitle, row.DataType, row.DatasetHash, row.LabelStatus, row.AnnotationTaskStatus,
        row.CreatedAt, row.LastEditedAt, row.ObjectCount, row.ClassificationCount, units);
}
