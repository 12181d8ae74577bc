using Labelport.Storage.Records;

namespace Labelport.Server.Users;

public sealed record UserResponse(string UserId, string Email, string Name, bool IsSystemAdmin, DateTimeOffset CreatedAt)
{
    public static UserResponse From(UserRecord user) => new(user.UserId, user.Email, user.Name, user.IsSystemAdmin, user.CreatedAt);
}
