namespace Labelport.Server.Tests;

public sealed record TestUser(string UserId, string Email, string Password, string ApiKey);
