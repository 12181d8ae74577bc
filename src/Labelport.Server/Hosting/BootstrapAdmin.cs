using Labelport.Server.Auth;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Labelport.Server.Hosting;

/// <summary>
/// The system administrator of a new data folder: LABELPORT_ADMIN_EMAIL / _PASSWORD / _API_KEY when set, otherwise
/// generated and printed once (on the start that creates them; they cannot be shown again).
/// </summary>
internal static class BootstrapAdmin
{
    public const string DefaultEmail = "admin@labelport.local";

    public static async Task<IReadOnlyList<string>> EnsureAsync(IServiceProvider services, LabelportServerOptions options, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<IAccountStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var lines = new List<string>();
        var email = options.AdminEmail ?? DefaultEmail;
        var user = await accounts.FindUserByEmailAsync(email, cancellationToken);
        var created = false;
        if (user is null)
        {
            var password = options.AdminPassword ?? Passwords.Generate();
            user = new UserRecord(Guid.NewGuid().ToString(), email, "Administrator", Passwords.Hash(password), true, time.GetUtcNow());
            if (!await accounts.TryCreateUserAsync(user, cancellationToken))
            {
                user = await accounts.FindUserByEmailAsync(email, cancellationToken) ?? throw new InvalidOperationException("The bootstrap admin could not be created.");
            }
            else
            {
                created = true;
                lines.Add("Created the administrator " + email + (options.AdminPassword is null ? " with the password " + password + " (shown once; set LABELPORT_ADMIN_PASSWORD to choose it)" : " (password from LABELPORT_ADMIN_PASSWORD)"));
            }
        }
        if (options.AdminApiKey is { } givenKey)
        {
            if (await accounts.FindApiKeyAsync(ApiKeys.Hash(givenKey), cancellationToken) is null)
            {
                try
                {
                    await accounts.CreateApiKeyAsync(new ApiKeyRecord(Guid.NewGuid().ToString(), user.UserId, "bootstrap (LABELPORT_ADMIN_API_KEY)", ApiKeys.Hash(givenKey), time.GetUtcNow(), null), cancellationToken);
                }
                catch (System.Data.Common.DbException)
                {
                    // Another instance on the same database may have stored the same key a moment earlier.
                    if (await accounts.FindApiKeyAsync(ApiKeys.Hash(givenKey), cancellationToken) is null)
                    {
                        throw;
                    }
                }
            }
        }
        else if (created)
        {
            var key = ApiKeys.Generate();
            await accounts.CreateApiKeyAsync(new ApiKeyRecord(Guid.NewGuid().ToString(), user.UserId, "bootstrap", ApiKeys.Hash(key), time.GetUtcNow(), null), cancellationToken);
            lines.Add("Administrator API key (shown once; set LABELPORT_ADMIN_API_KEY to choose it): " + key);
        }
        return lines;
    }
}
