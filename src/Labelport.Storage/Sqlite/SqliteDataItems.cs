using Labelport.Storage.Records;
using Microsoft.Data.Sqlite;

namespace Labelport.Storage.Sqlite;

/// <summary>SQL for data items and their units, shared by the project store and the label-row import.</summary>
internal static class SqliteDataItems
{
    public const string UnitColumns =
        "u.data_hash, u.item_data_hash, u.title, u.mime_type, u.width, u.height, u.frames, u.fps, u.size, u.sequence, u.blob_key, u.external_link";

    private const string ItemColumns = "i.data_hash, i.dataset_hash, i.title, i.data_type, i.is_image_sequence, i.created_at";

    /// <summary>Inserts items with their units; <paramref name="ignoreExisting"/> skips data hashes already stored.</summary>
    public static async Task InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DataItemRecord> items, bool ignoreExisting,
        CancellationToken cancellationToken)
    {
        var conflict = ignoreExisting ? "ON CONFLICT (data_hash) DO NOTHING" : "";
        using var item = SqliteSql.Command(connection, transaction, $"""
            INSERT INTO data_items (data_hash, dataset_hash, title, data_type, is_image_sequence, created_at)
            VALUES ($hash, $dataset, $title, $type, $sequence, $created) {conflict}
            """);
        using var unit = SqliteSql.Command(connection, transaction, $"""
            INSERT INTO data_units (data_hash, item_data_hash, title, mime_type, width, height, frames, fps, size, sequence, blob_key, external_link)
            VALUES ($hash, $item, $title, $mime, $width, $height, $frames, $fps, $size, $sequence, $blob, $link) {conflict}
            """);
        foreach (var record in items)
        {
            item.Parameters.Clear();
            var inserted = await item.With("$hash", record.DataHash).With("$dataset", record.DatasetHash).With("$title", record.Title)
                .With("$type", record.DataType).With("$sequence", record.IsImageSequence ? 1 : 0).With("$created", record.CreatedAt)
                .ExecuteNonQueryAsync(cancellationToken);
            if (inserted == 0)
            {
                continue;
            }
            foreach (var u in record.Units)
            {
                unit.Parameters.Clear();
                await unit.With("$hash", u.DataHash).With("$item", record.DataHash).With("$title", u.Title).With("$mime", u.MimeType)
                    .With("$width", u.Width).With("$height", u.Height).With("$frames", u.Frames).With("$fps", u.Fps).With("$size", u.Size)
                    .With("$sequence", u.Sequence).With("$blob", u.BlobKey).With("$link", u.ExternalLink)
                    .ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>Every item of the dataset in upload order (created, title, hash), with units in sequence order.</summary>
    public static async Task<IReadOnlyList<DataItemRecord>> ListAsync(SqliteConnection connection, string datasetHash, CancellationToken cancellationToken)
    {
        using var items = SqliteSql.Command(connection, null, $"""
            SELECT {ItemColumns} FROM data_items i WHERE i.dataset_hash = $dataset ORDER BY i.created_at, i.title, i.data_hash
            """).With("$dataset", datasetHash);
        using var units = SqliteSql.Command(connection, null, $"""
            SELECT {UnitColumns} FROM data_units u JOIN data_items i ON i.data_hash = u.item_data_hash
            WHERE i.dataset_hash = $dataset ORDER BY u.item_data_hash, u.sequence, u.data_hash
            """).With("$dataset", datasetHash);
        return await ReadItemsAsync(items, units, cancellationToken);
    }

    /// <summary>One page of the dataset's items in data-hash order after <paramref name="afterDataHash"/>.</summary>
    public static async Task<IReadOnlyList<DataItemRecord>> ListPageAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string datasetHash, string? afterDataHash, int limit,
        CancellationToken cancellationToken)
    {
        using var items = SqliteSql.Command(connection, transaction, $"""
            SELECT {ItemColumns} FROM data_items i
            WHERE i.dataset_hash = $dataset AND ($after IS NULL OR i.data_hash > $after)
            ORDER BY i.data_hash LIMIT $limit
            """).With("$dataset", datasetHash).With("$after", afterDataHash).With("$limit", limit);
        using var units = SqliteSql.Command(connection, transaction, $"""
            SELECT {UnitColumns} FROM data_units u
            WHERE u.item_data_hash IN (SELECT i.data_hash FROM data_items i
                                       WHERE i.dataset_hash = $dataset AND ($after IS NULL OR i.data_hash > $after)
                                       ORDER BY i.data_hash LIMIT $limit)
            ORDER BY u.item_data_hash, u.sequence, u.data_hash
            """).With("$dataset", datasetHash).With("$after", afterDataHash).With("$limit", limit);
        return await ReadItemsAsync(items, units, cancellationToken);
    }

    public static DataUnitRecord ReadUnit(SqliteDataReader reader) => new(
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

    private static async Task<IReadOnlyList<DataItemRecord>> ReadItemsAsync(SqliteCommand items, SqliteCommand units, CancellationToken cancellationToken)
    {
        var unitsByItem = new Dictionary<string, List<DataUnitRecord>>(StringComparer.Ordinal);
        using (var reader = await units.ExecuteReaderAsync(cancellationToken))
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
        using (var reader = await items.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var hash = reader.GetString(0);
                records.Add(new DataItemRecord(
                    hash,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetInt64(4) != 0,
                    reader.GetTime(5),
                    unitsByItem.TryGetValue(hash, out var list) ? list : []));
            }
        }
        return records;
    }
}
