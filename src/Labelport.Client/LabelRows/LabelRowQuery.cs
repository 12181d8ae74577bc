namespace Labelport.Client;

/// <summary>
/// Which label rows <see cref="LabelRowsClient.ListAsync"/> returns: the server's filters, combined with AND.
/// A null filter selects everything.
/// </summary>
public sealed record LabelRowQuery
{
    /// <summary>Only rows of these data hashes (an image group's hash selects the group).</summary>
    public IReadOnlyCollection<string>? DataHashes { get; init; }

    /// <summary>Only rows with these label statuses, e.g. <c>LABELLED</c>, <c>REVIEWED</c>.</summary>
    public IReadOnlyCollection<string>? LabelStatuses { get; init; }

    /// <summary>Only rows last edited after this instant.</summary>
    public DateTimeOffset? EditedAfter { get; init; }

    /// <summary>Only rows last edited before this instant.</summary>
    public DateTimeOffset? EditedBefore { get; init; }

    /// <summary>Rows per request (the server's <c>limit</c>; paging is transparent). Null: the server's default.</summary>
    public int? PageSize { get; init; }
}
