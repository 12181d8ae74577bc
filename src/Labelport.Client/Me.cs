namespace Labelport.Client;

/// <summary>The signed-in user (the owner of the API key).</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="Email">The user's e-mail address.</param>
/// <param name="Name">The user's display name.</param>
/// <param name="IsSystemAdmin">True for a system administrator (sees every project as <c>admin</c>).</param>
public sealed record Me(string UserId, string Email, string Name, bool IsSystemAdmin);
