namespace Labelport.Storage.Records;

/// <summary>One export of one label row.</summary>
public sealed record ExportHistoryRecord(string LabelHash, string ExportHash, DateTimeOffset ExportedAt, string UserEmail);
