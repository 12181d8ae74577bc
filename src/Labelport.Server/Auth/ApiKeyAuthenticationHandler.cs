using System.Security.Claims;
using System.Text.Encodings.Web;
using Labelport.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Labelport.Server.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: the key's SHA-256 is looked up in the account store; the key's
/// last-used time is touched at most once a minute so polling clients do not write on every request.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAccountStore accounts,
    TimeProvider timeProvider)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var key = header["Bearer ".Length..].Trim();
        if (key.Length == 0)
        {
            return AuthenticateResult.Fail("Empty API key.");
        }
        var found = await accounts.FindApiKeyAsync(ApiKeys.Hash(key), Context.RequestAborted);
        if (found is not { } match)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }
        var now = timeProvider.GetUtcNow();
        if (match.Key.LastUsedAt is not { } lastUsed || now - lastUsed > TouchInterval)
        {
            await accounts.TouchApiKeyAsync(match.Key.KeyId, now, Context.RequestAborted);
        }
        Context.Items[typeof(Caller)] = new Caller(match.User);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, match.User.UserId)], AuthSchemes.ApiKey);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
