using Labelport.Storage.Records;

namespace Labelport.Storage;

/// <summary>One consistent view of the label rows, for the length of one export.</summary>
public interface ILabelRowSnapshot : IAsyncDisposable
{
    Task<long> CountAsync(LabelRowQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Every row the query selects, with JSON and export history (newest first), keyset-paged by
    /// <see cref="LabelRowQuery.Limit"/> so memory does not grow with the project.
    /// </summary>
    IAsyncEnumerable<(LabelRowRecord Row, IReadOnlyList<ExportHistoryRecord> History)> ReadAsync(LabelRowQuery query, CancellationToken cancellationToken);
}
