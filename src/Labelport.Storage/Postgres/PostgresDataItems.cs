using Labelport.Storage.Records;
using Npgsql;

namespace Labelport.Storage.Postgres;

/// <summary>SQL for data items and their units, shared by the project store and the label-row import.</summary>
internal static class PostgresDataItems
{
    public const string UnitColumns =
        "u.data_hash, u.item_data_hash, u.title, u.mime_type, u.width, u.height, u.frames, u.fps, u.size, u.sequence, u.blob_key, u.external_link";

    private const string ItemColumns = "i.data_hash, i.dataset_hash, i.title, i.data_type, i.is_image_sequence, i.created_at";

    /// <summary>
    /// Inserts items with their units in two statements over arrays; <paramref name="ignoreExisting"/> skips data
    /// hashes already stored (and their units), otherwise a stored hash is a unique violation.
    /// </summary>
    public static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DataItemRecord> items, bool ignoreExisting,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }
        var conflict = ignoreExisting ? "ON CONFLICT (data_hash) DO NOTHING" : "";
        var units = items.SelectMany(item => item.Units.Select(unit => (Item: item.DataHash, Unit: unit))).ToList();
        await using var command = PostgresSql.Command(connection, transaction, $"""
            WITH inserted AS (
                INSERT INTO data_items (data_hash, dataset_hash, title, data_type, is_image_sequence, created_at)
                SELECT * FROM unnest(@hashes, @datasets, @titles, @types, @sequences, @created)
                {conflict}
                RETURNING data_hash)
            INSERT INTO data_units (data_hash, item_data_hash, title, mime_type, width, height, frames, fps, size, sequence, blob_key, external_link)
            SELECT u.* FROM unnest(@unitHashes, @unitItems, @unitTitles, @unitMimes, @unitWidths, @unitHeights, @unitFrames, @unitFps,
                                   @unitSizes, @unitSequences, @unitBlobs, @unitLinks)
                AS u (data_hash, item_data_hash, title, mime_type, width, height, frames, fps, size, sequence, blob_key, external_link)
            WHERE u.item_data_hash IN (SELECT data_hash FROM inserted)
            {conflict}
            """);
        command.Parameters.AddWithValue("@hashes", items.Select(i => i.DataHash).ToArray());
        command.Parameters.AddWithValue("@datasets", items.Select(i => i.DatasetHash).ToArray());
        command.Parameters.AddWithValue("@titles", items.Select(i => i.Title).ToArray());
        command.Parameters.AddWithValue("@types", items.Select(i => i.DataType).ToArray());
        command.Parameters.AddWithValue("@sequences", items.Select(i => i.IsImageSequence).ToArray());
        command.Parameters.AddWithValue("@created", items.Select(i => PostgresSql.ToStored(i.CreatedAt)).ToArray());
        command.Parameters.AddWithValue("@unitHashes", units.Select(u => u.Unit.DataHash).ToArray());
        command.Parameters.AddWithValue("@unitItems", units.Select(u => u.Item).ToArray());
        command.Parameters.AddWithValue("@unitTitles", units.Select(u => u.Unit.Title).ToArray());
        command.Parameters.AddWithValue("@unitMimes", units.Select(u => u.Unit.MimeType).ToArray());
        command.Parameters.AddWithValue("@unitWidths", units.Select(u => u.Unit.Width).ToArray());
        command.Parameters.AddWithValue("@unitHeights", units.Select(u => u.Unit.Height).ToArray());
        command.Parameters.AddWithValue("@unitFrames", units.Select(u => u.Unit.Frames).ToArray());
        command.Parameters.AddWithValue("@unitFps", units.Select(u => u.Unit.Fps).ToArray());
        command.Parameters.AddWithValue("@unitSizes", units.Select(u => u.Unit.Size).ToArray());
        command.Parameters.AddWithValue("@unitSequences", units.Select(u => u.Unit.Sequence).ToArray());
        command.Parameters.AddWithValue("@unitBlobs", units.Select(u => u.Unit.BlobKey).ToArray());
        command.Parameters.AddWithValue("@unitLinks", units.Select(u => u.Unit.ExternalLink).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every item of the dataset in upload order (created, title, hash), with units in sequence order.</summary>
    public static async Task<IReadOnlyList<DataItemRecord>> ListAsync(NpgsqlConnection connection, string datasetHash, CancellationToken cancellationToken)
    {
        await using var items = PostgresSql.Command(connection, null, $"""
            SELECT {ItemColumns} FROM data_items i WHERE i.dataset_hash = @dataset ORDER BY i.created_at, i.title, i.data_hash
            """).With("@dataset", datasetHash);
        await using var units = PostgresSql.Command(connection, null, $"""
            SELECT {UnitColumns} FROM data_units u JOIN data_items i ON i.data_hash = u.item_data_hash
            WHERE i.dataset_hash = @dataset ORDER BY u.item_data_hash, u.sequence, u.data_hash
            """).With("@dataset", datasetHash);
        return await ReadItemsAsync(items, units, cancellationToken);
    }

    /// <summary>One page of the dataset's items in data-hash order after <paramref name="afterDataHash"/>.</summary>
    public static async Task<IReadOnlyList<DataItemRecord>> ListPageAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string datasetHash, string? afterDataHash, int limit,
        CancellationToken cancellationToken)
    {
        const string Page = "SELECT i.data_hash FROM data_items i WHERE i.dataset_hash = @dataset AND (@after::text IS NULL OR i.data_hash > @after) ORDER BY i.data_hash LIMIT @limit";
        await using var items = PostgresSql.Command(connection, transaction, $"""
            SELECT {ItemColumns} FROM data_items i WHERE i.data_hash IN ({Page}) ORDER BY i.data_hash
            """).With("@dataset", datasetHash).With("@after", afterDataHash).With("@limit", limit);
        await using var units = PostgresSql.Command(connection, transaction, $"""
            SELECT {UnitColumns} FROM data_units u WHERE u.item_data_hash IN ({Page})
            ORDER BY u.item_data_hash, u.sequence, u.data_hash
            """).With("@dataset", datasetHash).With("@after", afterDataHash).With("@limit", limit);
        return await ReadItemsAsync(items, units, cancellationToken);
    }

    public static DataUnitRecord ReadUnit(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetNullableInt32(4),
        reader.GetNullableInt32(5),
        reader.GetNullableInt32(6),
        reader.GetNullableDouble(7),
        reader.GetInt64(8),
        reader.GetInt32(9),
        reader.GetNullableString(10),
        reader.GetNullableString(11));

    private static async Task<IReadOnlyList<DataItemRecord>> ReadItemsAsync(NpgsqlCommand items, NpgsqlCommand units, CancellationToken cancellationToken)
    {
        var unitsByItem = new Dictionary<string, List<DataUnitRecord>>(StringComparer.Ordinal);
        await using (var reader = await units.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var unit = ReadUnit(reader);
                if (!unitsByItem.TryGetValue(unit.ItemDataHash, out var list))
                {
                    unitsByItem[unit.ItemDataHash] = list = [];
                }
                list.Add(unit);
            }
        }
        var records = new List<DataItemRecord>();
        await using (var reader = await items.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var hash = reader.GetString(0);
                records.Add(new DataItemRecord(
                    hash,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetBoolean(4),
                    reader.GetTime(5),
                    unitsByItem.TryGetValue(hash, out var list) ? list : []));
            }
        }
        return records;
    }
}
