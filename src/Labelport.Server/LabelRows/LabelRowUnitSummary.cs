namespace Labelport.Server.LabelRows;

public sealed record LabelRowUnitSummary(string DataHash, string Title, int? Width, int? Height, int? Frames);
