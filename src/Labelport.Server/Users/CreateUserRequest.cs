namespace Labelport.Server.Users;

public sealed record CreateUserRequest(string Email, string Name, string Password);
