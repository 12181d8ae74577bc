namespace Labelport.Server.LabelRows;

public sealed record ImportResult(int Imported, IReadOnlyList<string> LabelHashes);
