namespace Labelport.Client;

/// <summary><c>{datasetHash}</c> (attach a dataset to a project).</summary>
internal sealed record DatasetHashBody(string DatasetHash);
