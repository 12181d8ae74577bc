namespace Labelport.Server.LabelRows;

/// <summary>One page of label rows; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record LabelRowPage(IReadOnlyList<LabelRowSummary> Items, string? NextCursor);
