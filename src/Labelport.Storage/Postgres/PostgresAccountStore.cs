using Labelport.Storage.Records;
using Npgsql;

namespace Labelport.Storage.Postgres;

internal sealed class PostgresAccountStore(NpgsqlDataSource database) : IAccountStore
{
    private const string UserColumns = "u.user_id, u.email, u.name, u.password_hash, u.is_system_admin, u.created_at";
    private const string KeyColumns = "k.key_id, k.user_id, k.name, k.key_hash, k.created_at, k.last_used_at";

    public async Task<bool> TryCreateUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, """
            INSERT INTO users (user_id, email, name, password_hash, is_system_admin, created_at)
            VALUES (@id, @email, @name, @password, @admin, @created)
            ON CONFLICT ((lower(email))) DO NOTHING
            """)
            .With("@id", user.UserId).With("@email", user.Email).With("@name", user.Name)
            .With("@password", user.PasswordHash).With("@admin", user.IsSystemAdmin).With("@created", user.CreatedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task<UserRecord?> FindUserByIdAsync(string userId, CancellationToken cancellationToken) =>
        FindUserAsync("u.user_id = @value", userId, cancellationToken);

    public Task<UserRecord?> FindUserByEmailAsync(string email, CancellationToken cancellationToken) =>
        FindUserAsync("lower(u.email) = lower(@value COLLATE \"C\")", email, cancellationToken);

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, $"SELECT {UserColumns} FROM users u ORDER BY lower(u.email), u.user_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(ReadUser(reader, 0));
        }
        return users;
    }

    public async Task CreateApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, """
            INSERT INTO api_keys (key_id, user_id, name, key_hash, created_at, last_used_at)
            VALUES (@id, @user, @name, @hash, @created, @used)
            """)
            .With("@id", key.KeyId).With("@user", key.UserId).With("@name", key.Name).With("@hash", key.KeyHash)
            .With("@created", key.CreatedAt).With("@used", key.LastUsedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(ApiKeyRecord Key, UserRecord User)?> FindApiKeyAsync(byte[] keyHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyHash);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null,
            $"SELECT {KeyColumns}, {UserColumns} FROM api_keys k JOIN users u ON u.user_id = k.user_id WHERE k.key_hash = @hash")
            .With("@hash", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return (ReadKey(reader), ReadUser(reader, 6));
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null,
            $"SELECT {KeyColumns} FROM api_keys k WHERE k.user_id = @user ORDER BY k.created_at, k.key_id")
            .With("@user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(ReadKey(reader));
        }
        return keys;
    }

    public async Task<bool> DeleteApiKeyAsync(string userId, string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, "DELETE FROM api_keys WHERE key_id = @id AND user_id = @user")
            .With("@id", keyId).With("@user", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task TouchApiKeyAsync(string keyId, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, "UPDATE api_keys SET last_used_at = @used WHERE key_id = @id")
            .With("@id", keyId).With("@used", usedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<UserRecord?> FindUserAsync(string condition, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, $"SELECT {UserColumns} FROM users u WHERE {condition}")
            .With("@value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadUser(reader, 0) : null;
    }

    private static UserRecord ReadUser(NpgsqlDataReader reader, int first) => new(
        reader.GetString(first),
        reader.GetString(first + 1),
        reader.GetString(first + 2),
        reader.GetNullableString(first + 3),
        reader.GetBoolean(first + 4),
        reader.GetTime(first + 5));

    private static ApiKeyRecord ReadKey(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetBytes(3),
        reader.GetTime(4),
        reader.GetNullableTime(5));
}
