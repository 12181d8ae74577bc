namespace Labelport.Client;

/// <summary>A dataset: media files (data items) that projects label.</summary>
/// <param name="DatasetHash">The dataset's hash.</param>
/// <param name="Title">The dataset's title.</param>
/// <param name="Description">The dataset's description, if any.</param>
/// <param name="CreatedAt">When the dataset was created (UTC).</param>
public sealed record Dataset(string DatasetHash, string Title, string? Description, DateTimeOffset CreatedAt);
