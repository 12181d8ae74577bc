using System.Runtime.CompilerServices;
using Labelport.Storage.Records;
using Npgsql;

namespace Labelport.Storage.Postgres;

/// <summary>
/// A REPEATABLE READ, READ ONLY transaction on a dedicated connection. PostgreSQL takes the transaction's snapshot at
/// its first statement, so <see cref="BeginAsync"/> runs one right away: every later page (rows and history) comes
/// from that same moment, whatever other instances commit meanwhile, and a read-only transaction takes no row locks.
/// </summary>
internal sealed class PostgresLabelRowSnapshot : ILabelRowSnapshot
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private PostgresLabelRowSnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>Starts the snapshot on <paramref name="connection"/>, which it then owns.</summary>
    public static async Task<PostgresLabelRowSnapshot> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        try
        {
            await PostgresSql.ExecuteAsync(connection, transaction, "SET TRANSACTION READ ONLY", cancellationToken);
            await using (var first = PostgresSql.Command(connection, transaction, "SELECT count(*) FROM schema_migrations"))
            {
                await first.ExecuteScalarAsync(cancellationToken);
            }
            return new PostgresLabelRowSnapshot(connection, transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task<long> CountAsync(LabelRowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = PostgresLabelRows.CountCommand(connection, transaction, query);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
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
            await using (var command = PostgresLabelRows.PageCommand(connection, transaction, position, withJson: true))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(PostgresLabelRows.ReadRow(reader));
                }
            }
            if (page.Count == 0)
            {
                yield break;
            }
            var history = await PostgresLabelRows.ReadHistoryAsync(connection, transaction, query.ProjectHash, page.Select(row => row.LabelHash), cancellationToken);
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
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
