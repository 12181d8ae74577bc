using Npgsql;
using NpgsqlTypes;

namespace Labelport.Storage.Postgres;

/// <summary>
/// Small ADO.NET helpers shared by the PostgreSQL stores: commands and typed parameters (typed so that nulls bind
/// without a type guess), and time columns written at millisecond precision as in SQLite.
/// </summary>
internal static class PostgresSql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction);

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, string? value) =>
        command.Add(name, NpgsqlDbType.Text, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, int? value) =>
        command.Add(name, NpgsqlDbType.Integer, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, long? value) =>
        command.Add(name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, double? value) =>
        command.Add(name, NpgsqlDbType.Double, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, bool value) =>
        command.Add(name, NpgsqlDbType.Boolean, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, byte[]? value) =>
        command.Add(name, NpgsqlDbType.Bytea, value);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, DateTimeOffset? value) =>
        command.Add(name, NpgsqlDbType.TimestampTz, value is { } v ? ToStored(v) : null);

    public static NpgsqlCommand With(this NpgsqlCommand command, string name, IEnumerable<string> values) =>
        command.Add(name, NpgsqlDbType.Array | NpgsqlDbType.Text, values as string[] ?? [.. values]);

    /// <summary>UTC at whole milliseconds: what SQLite's unix-millisecond columns keep, so both stores read back the same.</summary>
    public static DateTimeOffset ToStored(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    public static DateTimeOffset GetTime(this NpgsqlDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? GetNullableTime(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetNullableInt32(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static long? GetNullableInt64(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static double? GetNullableDouble(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static byte[] GetBytes(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : reader.GetFieldValue<byte[]>(ordinal);

    /// <summary>23505: unique_violation.</summary>
    public static bool IsUniqueViolation(PostgresException exception) => exception.SqlState == PostgresErrorCodes.UniqueViolation;

    private static NpgsqlCommand Add(this NpgsqlCommand command, string name, NpgsqlDbType type, object? value)
    {
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return command;
    }
}
