namespace Labelport.Server.Auth;

/// <summary>Names of the authentication schemes and claims.</summary>
internal static class AuthSchemes
{
    /// <summary>Picks <see cref="ApiKey"/> for <c>Authorization: Bearer</c> requests, else <see cref="Cookie"/>.</summary>
    public const string Default = "Labelport";

    public const string ApiKey = "ApiKey";

    public const string Cookie = "Cookie";

    public const string CookieName = "labelport_session";

    public const string CsrfHeader = "X-Labelport-Csrf";

    public const string SignInRateLimitPolicy = "sign-in";
}
