using System.Security.Claims;
using Labelport.Server.Hosting;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelport.Server.Auth;

/// <summary>Sign-in/out (session cookie), <c>/api/me</c> and the caller's API keys.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/sign-in", SignInAsync).RequireRateLimiting(AuthSchemes.SignInRateLimitPolicy).AllowAnonymous();
        auth.MapPost("/sign-out", (Delegate)SignOutAsync).AllowAnonymous();

        var me = app.MapGroup("/api/me").WithTags("Auth").RequireAuthorization();
        me.MapGet("", (Caller caller) => TypedResults.Ok(Me.From(caller.User)));
        me.MapPost("/api-keys", CreateApiKeyAsync);
        me.MapGet("/api-keys", ListApiKeysAsync);
        me.MapDelete("/api-keys/{keyId}", DeleteApiKeyAsync);
    }

    private static async Task<Ok<Me>> SignInAsync(SignInRequest request, HttpContext context, IAccountStore accounts)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await accounts.FindUserByEmailAsync(request.Email.Trim(), context.RequestAborted);
        if (!Passwords.Verify(user, request.Password ?? string.Empty) || user is null)
        {
            throw new ApiProblemException(StatusCodes.Status401Unauthorized, "Unauthorized", "The e-mail or password is wrong.");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.UserId), new Claim(ClaimTypes.Email, user.Email)], AuthSchemes.Cookie);
        await context.SignInAsync(AuthSchemes.Cookie, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
        return TypedResults.Ok(Me.From(user));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<Created<CreatedApiKey>> CreateApiKeyAsync(CreateApiKeyRequest request, Caller caller, IAccountStore accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            throw ApiProblemException.Invalid("$.name", "a key needs a name of 1 to 200 characters");
        }
        var key = ApiKeys.Generate();
        var record = new ApiKeyRecord(Guid.NewGuid().ToString(), caller.UserId, name, ApiKeys.Hash(key), time.GetUtcNow(), null);
        await accounts.CreateApiKeyAsync(record, cancellationToken);
        return TypedResults.Created("/api/me/api-keys/" + record.KeyId, new CreatedApiKey(record.KeyId, record.Name, key, record.CreatedAt));
    }

    private static async Task<Ok<ApiKeySummary[]>> ListApiKeysAsync(Caller caller, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var keys = await accounts.ListApiKeysAsync(caller.UserId, cancellationToken);
        return TypedResults.Ok(keys.Select(k => new ApiKeySummary(k.KeyId, k.Name, k.CreatedAt, k.LastUsedAt)).ToArray());
    }

    private static async Task<NoContent> DeleteApiKeyAsync(string keyId, Caller caller, IAccountStore accounts, CancellationToken cancellationToken)
    {
        if (!await accounts.DeleteApiKeyAsync(caller.UserId, keyId, cancellationToken))
        {
            throw ApiProblemException.NotFound("API key " + keyId);
        }
        return TypedResults.NoContent();
    }
}
