namespace Labelport.Server.Datasets;

public sealed record CreateDatasetRequest(string Title, string? Description = null);
