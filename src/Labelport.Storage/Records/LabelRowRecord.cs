namespace Labelport.Storage.Records;

/// <summary>
/// A stored label row: the columns the server filters and lists by, and the row itself as Encord JSON (UTF-8,
/// web-app dialect, without <c>export_history</c>/<c>export_hash</c>/<c>exported_at</c>: history lives in its own
/// table and is merged in when the row is read for an export).
/// </summary>
public sealed record LabelRowRecord(
    string ProjectHash,
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
    byte[] Json);
