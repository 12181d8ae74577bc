using Labelport.Storage.Records;

namespace Labelport.Storage;

/// <summary>Label rows and their export history (SQLite and PostgreSQL implementations).</summary>
public interface ILabelRowStore
{
    /// <summary>
    /// Stores the rows all-or-nothing (one transaction), replacing rows with the same label hash, and registers
    /// data items the project does not hold yet (external data, from the rows' links).
    /// </summary>
    Task ImportAsync(string projectHash, IReadOnlyList<LabelRowRecord> rows, IReadOnlyList<DataItemRecord> newDataItems, CancellationToken cancellationToken);

    /// <summary>One page of rows (without their JSON) in (data title, label hash) order.</summary>
    Task<IReadOnlyList<LabelRowRecord>> ListAsync(LabelRowQuery query, CancellationToken cancellationToken);

    Task<LabelRowRecord?> FindAsync(string projectHash, string labelHash, CancellationToken cancellationToken);

    /// <summary>Replaces a row's labels; false when the row does not exist.</summary>
    Task<bool> UpdateAsync(LabelRowRecord row, CancellationToken cancellationToken);

    Task<bool> SetStatusAsync(string projectHash, string labelHash, string labelStatus, DateTimeOffset editedAt, CancellationToken cancellationToken);

    /// <summary>Export history of one row of the project, newest first.</summary>
    Task<IReadOnlyList<ExportHistoryRecord>> ListHistoryAsync(string projectHash, string labelHash, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a consistent read snapshot of a project's rows for an export (a read transaction in SQLite WAL,
    /// REPEATABLE READ in PostgreSQL). Rows are read keyset-paged inside it.
    /// </summary>
    Task<ILabelRowSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken);
}
