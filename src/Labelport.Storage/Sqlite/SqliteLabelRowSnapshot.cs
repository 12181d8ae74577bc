using System.Globalization;
using System.Runtime.CompilerServices;
using Labelport.Storage.Records;
using Microsoft.Data.Sqlite;

namespace Labelport.Storage.Sqlite;

/// <summary>
/// A read transaction on a dedicated connection. In WAL mode a reader sees the database as of its first read, so
/// <see cref="BeginAsync"/> reads once right away: every later page comes from that same moment, whatever is written since.
/// </summary>
internal sealed class SqliteLabelRowSnapshot : ILabelRowSnapshot
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteLabelRowSnapshot(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Starts the snapshot on <paramref name="connection"/>, which it then owns.</summary>
    public static async Task<SqliteLabelRowSnapshot> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var transaction = connection.BeginTransaction(deferred: true);
        try
        {
            // The first read fixes the snapshot (a deferred transaction takes no read mark until then).
            using (var first = SqliteSql.Command(connection, transaction, "SELECT count(*) FROM schema_migrations"))
            {
                await first.ExecuteScalarAsync(cancellationToken);
            }
            return new SqliteLabelRowSnapshot(connection, transaction);
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    public async Task<long> CountAsync(LabelRowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var command = SqliteLabelRows.CountCommand(_connection, _transaction, query);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async IAsyncEnumerable<(LabelRowRecord Row, IReadOnlyList<ExportHistoryRecord> History)> ReadAsync(
        LabelRowQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = new List<LabelRowRecord>(Math.Min(query.Limit, 1000));
        var position = query;
        while (true)
        {
            page.Clear();
            using (var command = SqliteLabelRows.PageCommand(_connection, _transaction, position, withJson: true))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(SqliteLabelRows.ReadRow(reader));
                }
            }
            if (page.Count == 0)
            {
                yield break;
            }
            var history = await SqliteLabelRows.ReadHistoryAsync(_connection, _transaction, query.ProjectHash, page.Select(row => row.LabelHash), cancellationToken);
            foreach (var row in page)
            {
                yield return (row, history.TryGetValue(row.LabelHash, out var entries) ? entries : []);
            }
            if (page.Count < position.Limit)
            {
                yield break;
            }
            position = position with { After = (page[^1].DataTitle, page[^1].LabelHash) };
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
