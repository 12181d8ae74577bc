namespace Labelport.Storage.Records;

public sealed record DatasetRecord(string DatasetHash, string Title, string? Description, string OwnerUserId, DateTimeOffset CreatedAt);
