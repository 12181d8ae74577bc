namespace Labelport.Server.Auth;

public sealed record ApiKeySummary(string KeyId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
