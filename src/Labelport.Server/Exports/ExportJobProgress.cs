namespace Labelport.Server.Exports;

public sealed record ExportJobProgress(long Done, long Total);
