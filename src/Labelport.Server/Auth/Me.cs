using Labelport.Storage.Records;

namespace Labelport.Server.Auth;

public sealed record Me(string UserId, string Email, string Name, bool IsSystemAdmin)
{
    public static Me From(UserRecord user) => new(user.UserId, user.Email, user.Name, user.IsSystemAdmin);
}
