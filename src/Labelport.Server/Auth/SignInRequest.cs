namespace Labelport.Server.Auth;

public sealed record SignInRequest(string Email, string Password);
