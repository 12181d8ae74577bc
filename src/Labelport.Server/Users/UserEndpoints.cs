using System.Net.Mail;
using Labelport.Server.Auth;
using Labelport.Server.Hosting;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelport.Server.Users;

/// <summary>User administration (system admins only).</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        users.MapPost("", CreateAsync);
        users.MapGet("", ListAsync);
    }

    private static async Task<Created<UserResponse>> CreateAsync(CreateUserRequest request, Caller caller, IAccountStore accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        caller.RequireSystemAdmin();
        var email = request.Email?.Trim() ?? string.Empty;
        if (!MailAddress.TryCreate(email, out _))
        {
            throw ApiProblemException.Invalid("$.email", "not an e-mail address: \"" + email + "\"");
        }
        var name = string.IsNullOrWhiteSpace(request.Name) ? email : request.Name.Trim();
        if (request.Password is null || request.Password.Length < Passwords.MinimumLength)
        {
            throw ApiProblemException.Invalid("$.password", "a password needs at least " + Passwords.MinimumLength + " characters");
        }
        var user = new UserRecord(Guid.NewGuid().ToString(), email, name, Passwords.Hash(request.Password), false, time.GetUtcNow());
        if (!await accounts.TryCreateUserAsync(user, cancellationToken))
        {
            throw ApiProblemException.Conflict("A user with the e-mail " + email + " exists already.");
        }
        return TypedResults.Created("/api/users/" + user.UserId, UserResponse.From(user));
    }

    private static async Task<Ok<UserResponse[]>> ListAsync(Caller caller, IAccountStore accounts, CancellationToken cancellationToken)
    {
        caller.RequireSystemAdmin();
        var users = await accounts.ListUsersAsync(cancellationToken);
        return TypedResults.Ok(users.Select(UserResponse.From).ToArray());
    }
}
