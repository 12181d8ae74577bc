namespace Labelport.Server.Auth;

public sealed record CreateApiKeyRequest(string Name);
