namespace Labelport.Storage.Records;

/// <summary>
/// A data asset of a dataset: one image or video (one unit, same hash as the item), or an image group / image
/// sequence (several units with their own hashes). Items registered by a label-row import have no dataset blob
/// (<see cref="DataUnitRecord.BlobKey"/> null, <see cref="DataUnitRecord.ExternalLink"/> from the row).
/// </summary>
public sealed record DataItemRecord(
    string DataHash,
    string DatasetHash,
    string Title,
    string DataType,
    bool IsImageSequence,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DataUnitRecord> Units);
