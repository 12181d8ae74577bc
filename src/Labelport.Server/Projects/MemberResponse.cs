using Labelport.Storage.Records;

namespace Labelport.Server.Projects;

public sealed record MemberResponse(string UserId, string Email, string Name, string Role)
{
    public static MemberResponse From(MemberRecord member) => new(member.UserId, member.Email, member.Name, ProjectRoleNames.ToWire(member.Role));
}
