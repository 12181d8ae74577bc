namespace Labelport.Server.Datasets;

public sealed record AttachDatasetRequest(string DatasetHash);
