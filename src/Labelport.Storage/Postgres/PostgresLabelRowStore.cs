using Labelport.Storage.Records;
using Npgsql;
using NpgsqlTypes;

namespace Labelport.Storage.Postgres;

internal sealed class PostgresLabelRowStore(NpgsqlDataSource database) : ILabelRowStore
{
    private const string RowColumns =
        "project_hash, label_hash, data_hash, data_title, data_type, dataset_hash, label_status, annotation_task_status, " +
        "created_at, last_edited_at, object_count, classification_count, json";

    /// <summary>
    /// Binary COPY into a temporary table, then one upsert from it, all in one transaction. Within one import the last
    /// row with a label hash wins (as the SQLite store's row-by-row upsert leaves it).
    /// </summary>
    public async Task ImportAsync(string projectHash, IReadOnlyList<LabelRowRecord> rows, IReadOnlyList<DataItemRecord> newDataItems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(newDataItems);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!string.Equals(rows[i].ProjectHash, projectHash, StringComparison.Ordinal))
            {
                throw new ArgumentException($"rows[{i}] (label hash {rows[i].LabelHash}) belongs to project {rows[i].ProjectHash}, not {projectHash}.", nameof(rows));
            }
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PostgresDataItems.InsertAsync(connection, transaction, newDataItems, ignoreExisting: true, cancellationToken);
        await PostgresSql.ExecuteAsync(connection, transaction,
            $"CREATE TEMPORARY TABLE label_rows_import ON COMMIT DROP AS SELECT 0::integer AS ordinal, {RowColumns} FROM label_rows WITH NO DATA",
            cancellationToken);
        await CopyAsync(connection, rows, cancellationToken);
        await PostgresSql.ExecuteAsync(connection, transaction, $"""
            INSERT INTO label_rows ({RowColumns})
            SELECT DISTINCT ON (label_hash) {RowColumns} FROM label_rows_import ORDER BY label_hash, ordinal DESC
            ON CONFLICT (project_hash, label_hash) DO UPDATE SET
                data_hash = excluded.data_hash, data_title = excluded.data_title, data_type = excluded.data_type,
                dataset_hash = excluded.dataset_hash, label_status = excluded.label_status,
                annotation_task_status = excluded.annotation_task_status, created_at = excluded.created_at,
                last_edited_at = excluded.last_edited_at, object_count = excluded.object_count,
                classification_count = excluded.classification_count, json = excluded.json
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<LabelRowRecord>> ListAsync(LabelRowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresLabelRows.PageCommand(connection, null, query, withJson: false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LabelRowRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(PostgresLabelRows.ReadRow(reader));
        }
        return rows;
    }

    public async Task<LabelRowRecord?> FindAsync(string projectHash, string labelHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null,
            $"SELECT {PostgresLabelRows.ColumnsWithJson} FROM label_rows r WHERE r.project_hash = @project AND r.label_hash = @label")
            .With("@project", projectHash).With("@label", labelHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PostgresLabelRows.ReadRow(reader) : null;
    }

    public async Task<bool> UpdateAsync(LabelRowRecord row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, """
            UPDATE label_rows SET data_title = @title, data_type = @type, dataset_hash = @dataset, label_status = @status,
                annotation_task_status = @task, last_edited_at = @edited, object_count = @objects,
                classification_count = @classifications, json = @json
            WHERE project_hash = @project AND label_hash = @label
            """)
            .With("@project", row.ProjectHash).With("@label", row.LabelHash).With("@title", row.DataTitle)
            .With("@type", row.DataType).With("@dataset", row.DatasetHash).With("@status", row.LabelStatus)
            .With("@task", row.AnnotationTaskStatus).With("@edited", row.LastEditedAt)
            .With("@objects", row.ObjectCount).With("@classifications", row.ClassificationCount).With("@json", row.Json);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SetStatusAsync(string projectHash, string labelHash, string labelStatus, DateTimeOffset editedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        byte[] json;
        await using (var select = PostgresSql.Command(connection, transaction,
            "SELECT json FROM label_rows WHERE project_hash = @project AND label_hash = @label FOR UPDATE")
            .With("@project", projectHash).With("@label", labelHash))
        {
            if (await select.ExecuteScalarAsync(cancellationToken) is not byte[] stored)
            {
                return false;
            }
            // The row JSON is what exports write, so it carries the new status and edit time too (as in SQLite).
            json = LabelRowJson.WithStatus(stored, labelStatus, editedAt);
        }
        await using var update = PostgresSql.Command(connection, transaction,
            "UPDATE label_rows SET label_status = @status, last_edited_at = @edited, json = @json WHERE project_hash = @project AND label_hash = @label")
            .With("@project", projectHash).With("@label", labelHash).With("@status", labelStatus).With("@edited", editedAt).With("@json", json);
        await update.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ExportHistoryRecord>> ListHistoryAsync(string projectHash, string labelHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var history = await PostgresLabelRows.ReadHistoryAsync(connection, null, projectHash, [labelHash], cancellationToken);
        return history.TryGetValue(labelHash, out var entries) ? entries : [];
    }

    public async Task<ILabelRowSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await PostgresLabelRowSnapshot.BeginAsync(connection, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<LabelRowRecord> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY label_rows_import (ordinal, {RowColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.ProjectHash, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.LabelHash, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.DataHash, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.DataTitle, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.DataType, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, row.DatasetHash, cancellationToken);
            await importer.WriteAsync(row.LabelStatus, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, row.AnnotationTaskStatus, cancellationToken);
            await importer.WriteAsync(PostgresSql.ToStored(row.CreatedAt), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(PostgresSql.ToStored(row.LastEditedAt), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(row.ObjectCount, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.ClassificationCount, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.Json, NpgsqlDbType.Bytea, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }
}
