namespace Labelport.Client;

/// <summary>One page of <c>GET …/label-rows</c> (wire only: <see cref="LabelRowsClient.ListAsync"/> pages for the caller).</summary>
internal sealed record LabelRowPage(IReadOnlyList<LabelRowSummary> Items, string? NextCursor);
