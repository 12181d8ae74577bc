using System.Text;
using Labelport.Storage.Records;
using Npgsql;

namespace Labelport.Storage.Postgres;

/// <summary>SQL for selecting label rows by a <see cref="LabelRowQuery"/>, shared by the store and its snapshots.</summary>
internal static class PostgresLabelRows
{
    private const string SummaryColumns =
        "r.project_hash, r.label_hash, r.data_hash, r.data_title, r.data_type, r.dataset_hash, r.label_status, " +
        "r.annotation_task_status, r.created_at, r.last_edited_at, r.object_count, r.classification_count";

    public const string ColumnsWithJson = SummaryColumns + ", r.json";

    public const string ColumnsWithoutJson = SummaryColumns + ", NULL::bytea";

    /// <summary>A page of rows in (data title, label hash) order after the query's keyset position.</summary>
    public static NpgsqlCommand PageCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, LabelRowQuery query, bool withJson)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var sql = new StringBuilder("SELECT ").Append(withJson ? ColumnsWithJson : ColumnsWithoutJson).Append(" FROM label_rows r");
        var command = PostgresSql.Command(connection, transaction, "");
        AppendWhere(sql, command, query, withKeyset: true);
        sql.Append(" ORDER BY r.data_title, r.label_hash LIMIT @limit");
        command.With("@limit", query.Limit);
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>How many rows the query selects (ignoring paging).</summary>
    public static NpgsqlCommand CountCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, LabelRowQuery query)
    {
        var sql = new StringBuilder("SELECT count(*) FROM label_rows r");
        var command = PostgresSql.Command(connection, transaction, "");
        AppendWhere(sql, command, query, withKeyset: false);
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>The export history of many rows of one project in one query, newest first per row.</summary>
    public static async Task<Dictionary<string, List<ExportHistoryRecord>>> ReadHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string projectHash, IEnumerable<string> labelHashes, CancellationToken cancellationToken)
    {
        await using var command = PostgresSql.Command(connection, transaction, """
            SELECT e.label_hash, e.export_hash, e.exported_at, e.user_email FROM label_row_exports e
            WHERE e.project_hash = @project AND e.label_hash = ANY (@hashes)
            ORDER BY e.label_hash, e.exported_at DESC, e.export_hash DESC
            """).With("@project", projectHash).With("@hashes", labelHashes);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new Dictionary<string, List<ExportHistoryRecord>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new ExportHistoryRecord(reader.GetString(0), reader.GetString(1), reader.GetTime(2), reader.GetString(3));
            if (!history.TryGetValue(entry.LabelHash, out var list))
            {
                history[entry.LabelHash] = list = [];
            }
            list.Add(entry);
        }
        return history;
    }

    public static LabelRowRecord ReadRow(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetNullableString(5),
        reader.GetString(6),
        reader.GetNullableString(7),
        reader.GetTime(8),
        reader.GetTime(9),
        reader.GetInt32(10),
        reader.GetInt32(11),
        reader.GetBytes(12));

    private static void AppendWhere(StringBuilder sql, NpgsqlCommand command, LabelRowQuery query, bool withKeyset)
    {
        sql.Append(" WHERE r.project_hash = @project");
        command.With("@project", query.ProjectHash);
        if (query.DataHashes is { } dataHashes)
        {
            sql.Append(" AND r.data_hash = ANY (@dataHashes)");
            command.With("@dataHashes", dataHashes);
        }
        if (query.LabelStatuses is { } statuses)
        {
            sql.Append(" AND r.label_status = ANY (@statuses)");
            command.With("@statuses", statuses);
        }
        if (query.EditedAfter is { } editedAfter)
        {
            sql.Append(" AND r.last_edited_at >= @editedAfter");
            command.With("@editedAfter", editedAfter);
        }
        if (query.EditedBefore is { } editedBefore)
        {
            sql.Append(" AND r.last_edited_at < @editedBefore");
            command.With("@editedBefore", editedBefore);
        }
        if (withKeyset && query.After is var (afterTitle, afterHash))
        {
            sql.Append(" AND (r.data_title, r.label_hash) > (@afterTitle, @afterHash)");
            command.With("@afterTitle", afterTitle).With("@afterHash", afterHash);
        }
    }
}
