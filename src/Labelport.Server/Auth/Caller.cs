using System.Security.Claims;
using Labelport.Server.Hosting;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Labelport.Server.Auth;

/// <summary>The signed-in user of a request, bound as an endpoint parameter; anonymous or unknown → 401.</summary>
public sealed record Caller(UserRecord User)
{
    public string UserId => User.UserId;

    public bool IsSystemAdmin => User.IsSystemAdmin;

    public static async ValueTask<Caller?> BindAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(Caller), out var cached) && cached is Caller caller)
        {
            return caller;
        }
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated != true || userId is null)
        {
            throw Unauthorized();
        }
        var accounts = context.RequestServices.GetRequiredService<IAccountStore>();
        var user = await accounts.FindUserByIdAsync(userId, context.RequestAborted) ?? throw Unauthorized();
        caller = new Caller(user);
        context.Items[typeof(Caller)] = caller;
        return caller;
    }

    public void RequireSystemAdmin()
    {
        if (!IsSystemAdmin)
        {
            throw ApiProblemException.Forbidden("Only a system administrator may do this.");
        }
    }

    private static ApiProblemException Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in or send an API key (Authorization: Bearer <key>).");
}
