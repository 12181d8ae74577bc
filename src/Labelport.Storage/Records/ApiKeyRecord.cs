namespace Labelport.Storage.Records;

/// <summary>An API key. Only the SHA-256 of the key is stored; the key itself is shown once.</summary>
public sealed record ApiKeyRecord(string KeyId, string UserId, string Name, byte[] KeyHash, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
