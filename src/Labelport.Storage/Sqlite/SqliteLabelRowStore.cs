using Labelport.Storage.Records;
using Microsoft.Data.Sqlite;

namespace Labelport.Storage.Sqlite;

internal sealed class SqliteLabelRowStore(SqliteConnectionFactory connections) : ILabelRowStore
{
    public async Task ImportAsync(string projectHash, IReadOnlyList<LabelRowRecord> rows, IReadOnlyList<DataItemRecord> newDataItems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(newDataItems);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await SqliteDataItems.InsertAsync(connection, transaction, newDataItems, ignoreExisting: true, cancellationToken);
        using var upsert = SqliteSql.Command(connection, transaction, """
            INSERT INTO label_rows (project_hash, label_hash, data_hash, data_title, data_type, dataset_hash, label_status,
                                    annotation_task_status, created_at, last_edited_at, object_count, classification_count, json)
            VALUES ($project, $label, $data, $title, $type, $dataset, $status, $task, $created, $edited, $objects, $classifications, $json)
            ON CONFLICT (project_hash, label_hash) DO UPDATE SET
                data_hash = excluded.data_hash, data_title = excluded.data_title, data_type = excluded.data_type,
                dataset_hash = excluded.dataset_hash, label_status = excluded.label_status,
                annotation_task_status = excluded.annotation_task_status, created_at = excluded.created_at,
                last_edited_at = excluded.last_edited_at, object_count = excluded.object_count,
                classification_count = excluded.classification_count, json = excluded.json
            """);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!string.Equals(row.ProjectHash, projectHash, StringComparison.Ordinal))
            {
                throw new ArgumentException($"rows[{i}] (label hash {row.LabelHash}) belongs to project {row.ProjectHash}, not {projectHash}.", nameof(rows));
            }
            upsert.Parameters.Clear();
            await BindRow(upsert, row).ExecuteNonQueryAsync(cancellationToken);
        }
        transaction.Commit();
    }

    public async Task<IReadOnlyList<LabelRowRecord>> ListAsync(LabelRowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = SqliteLabelRows.PageCommand(connection, null, query, withJson: false);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LabelRowRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(SqliteLabelRows.ReadRow(reader));
        }
        return rows;
    }

    public async Task<LabelRowRecord?> FindAsync(string projectHash, string labelHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = SqliteSql.Command(connection, null,
            $"SELECT {SqliteLabelRows.ColumnsWithJson} FROM label_rows r WHERE r.project_hash = $project AND r.label_hash = $label")
            .With("$project", projectHash).With("$label", labelHash);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteLabelRows.ReadRow(reader) : null;
    }

    public async Task<bool> UpdateAsync(LabelRowRecord row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = SqliteSql.Command(connection, null, """
            UPDATE label_rows SET data_title = $title, data_type = $type, dataset_hash = $dataset, label_status = $status,
                annotation_task_status = $task, last_edited_at = $edited, object_count = $objects,
                classification_count = $classifications, json = $json
            WHERE project_hash = $project AND label_hash = $label
            """);
        return await BindRow(command, row).ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SetStatusAsync(string projectHash, string labelHash, string labelStatus, DateTimeOffset editedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        byte[] json;
        using (var select = SqliteSql.Command(connection, transaction, "SELECT json FROM label_rows WHERE project_hash = $project AND label_hash = $label"))
        {
            if (await select.With("$project", projectHash).With("$label", labelHash).ExecuteScalarAsync(cancellationToken) is not byte[] stored)
            {
                return false;
            }
            json = LabelRowJson.WithStatus(stored, labelStatus, editedAt);
        }
        using var update = SqliteSql.Command(connection, transaction,
            "UPDATE label_rows SET label_status = $status, last_edited_at = $edited, json = $json WHERE project_hash = $project AND label_hash = $label")
            .With("$project", projectHash).With("$label", labelHash).With("$status", labelStatus).With("$edited", editedAt).With("$json", json);
        await update.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        return true;
    }

    public async Task<IReadOnlyList<ExportHistoryRecord>> ListHistoryAsync(string projectHash, string labelHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var history = await SqliteLabelRows.ReadHistoryAsync(connection, null, projectHash, [labelHash], cancellationToken);
        return history.TryGetValue(labelHash, out var entries) ? entries : [];
    }

    public async Task<ILabelRowSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return await SqliteLabelRowSnapshot.BeginAsync(connection, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand BindRow(SqliteCommand command, LabelRowRecord row) => command
        .With("$project", row.ProjectHash).With("$label", row.LabelHash).With("$data", row.DataHash).With("$title", row.DataTitle)
        .With("$type", row.DataType).With("$dataset", row.DatasetHash).With("$status", row.LabelStatus)
        .With("$task", row.AnnotationTaskStatus).With("$created", row.CreatedAt).With("$edited", row.LastEditedAt)
        .With("$objects", row.ObjectCount).With("$classifications", row.ClassificationCount).With("$json", row.Json);
}
