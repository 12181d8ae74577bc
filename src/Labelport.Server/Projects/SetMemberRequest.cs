namespace Labelport.Server.Projects;

public sealed record SetMemberRequest(string Email, string Role);
