namespace Labelport.Server.Auth;

/// <summary>A new API key; the only response that ever carries <see cref="Key"/>.</summary>
public sealed record CreatedApiKey(string KeyId, string Name, string Key, DateTimeOffset CreatedAt);
