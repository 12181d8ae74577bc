using Labelport.Storage.Records;

namespace Labelport.Storage;

/// <summary>Users and API keys (SQLite and PostgreSQL implementations).</summary>
public interface IAccountStore
{
    /// <summary>Adds a user; false when the e-mail (case-insensitive) is taken.</summary>
    Task<bool> TryCreateUserAsync(UserRecord user, CancellationToken cancellationToken);

    Task<UserRecord?> FindUserByIdAsync(string userId, CancellationToken cancellationToken);

    Task<UserRecord?> FindUserByEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken);

    Task CreateApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key and its user for a key hash (SHA-256 of the presented key), or null.</summary>
    Task<(ApiKeyRecord Key, UserRecord User)?> FindApiKeyAsync(byte[] keyHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes one of the user's keys; false when it is not theirs or does not exist.</summary>
    Task<bool> DeleteApiKeyAsync(string userId, string keyId, CancellationToken cancellationToken);

    Task TouchApiKeyAsync(string keyId, DateTimeOffset usedAt, CancellationToken cancellationToken);
}
