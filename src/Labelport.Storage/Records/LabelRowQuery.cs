namespace Labelport.Storage.Records;

/// <summary>
/// Which label rows of a project to list or export. Null members select everything; all combine with AND.
/// Paging is keyset by (data title, label hash): <see cref="After"/> is the last key of the previous page.
/// </summary>
public sealed record LabelRowQuery(string ProjectHash)
{
    public IReadOnlyCollection<string>? DataHashes { get; init; }

    public IReadOnlyCollection<string>? LabelStatuses { get; init; }

    /// <summary>Rows last edited at or after this instant (inclusive).</summary>
    public DateTimeOffset? EditedAfter { get; init; }

    /// <summary>Rows last edited strictly before this instant (exclusive), so consecutive windows never overlap.</summary>
    public DateTimeOffset? EditedBefore { get; init; }

    public (string DataTitle, string LabelHash)? After { get; init; }

    public int Limit { get; init; } = 100;
}
