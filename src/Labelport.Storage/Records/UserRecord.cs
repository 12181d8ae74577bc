namespace Labelport.Storage.Records;

/// <summary>A user. <see cref="PasswordHash"/> is an ASP.NET Core Identity (PBKDF2) hash, or null for key-only users.</summary>
public sealed record UserRecord(string UserId, string Email, string Name, string? PasswordHash, bool IsSystemAdmin, DateTimeOffset CreatedAt);
