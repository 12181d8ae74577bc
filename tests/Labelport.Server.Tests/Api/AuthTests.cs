using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Labelport.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class AuthTests(ServerFixture server)
{
    [Fact]
    public async Task Anonymous_and_unknown_keys_are_401()
    {
        using var anonymous = server.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/projects")).StatusCode);
        using var wrong = server.Client("lp_" + new string('x', 43));
        var response = await wrong.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Me_with_api_key()
    {
        using var admin = server.AdminClient();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(ServerFixture.AdminEmail, me.GetProperty("email").GetString());
        Assert.True(me.GetProperty("isSystemAdmin").GetBoolean());
    }

    [Fact]
    public async Task Cookie_sign_in_is_http_only_same_site_strict_and_unsafe_requests_need_the_csrf_header()
    {
        var user = await server.CreateUserAsync("cookie");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.BaseAddress };
        var signIn = await browser.PostAsJsonAsync("/api/auth/sign-in", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("labelport_session=", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(user.Email, (await browser.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString());

        var withoutHeader = await browser.PostAsJsonAsync("/api/datasets", new { title = "csrf" });
        Assert.Equal(HttpStatusCode.Forbidden, withoutHeader.StatusCode);
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/datasets") { Content = JsonContent.Create(new { title = "csrf" }) };
        withHeader.Headers.Add("X-Labelport-Csrf", "1");
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(withHeader)).StatusCode);

        // API keys are not cookies: no header needed.
        using var keyed = server.Client(user.ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await keyed.PostAsJsonAsync("/api/datasets", new { title = "key" })).StatusCode);

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out");
        signOut.Headers.Add("X-Labelport-Csrf", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signOut)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_401_without_saying_which_part_was_wrong()
    {
        var user = await server.CreateUserAsync("wrongpw");
        using var client = server.Client();
        var wrongPassword = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = user.Email, password = "nope-nope" });
        var unknownUser = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = "nobody@test.local", password = "nope-nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal(
            (await wrongPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await unknownUser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_keys_are_listed_without_the_key_and_deleted_keys_stop_working()
    {
        var user = await server.CreateUserAsync("keys");
        using var client = server.Client(user.ApiKey);
        var created = await client.PostAsJsonAsync("/api/me/api-keys", new { name = "second" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var second = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = second.GetProperty("key").GetString()!;
        Assert.Matches("^lp_[A-Za-z0-9_-]{43}$", key);
        var list = await client.GetStringAsync("/api/me/api-keys");
        Assert.DoesNotContain(key, list);
        Assert.Contains("second", list);
        using var secondClient = server.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/me/api-keys/" + second.GetProperty("keyId").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await secondClient.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Only_system_admins_manage_users()
    {
        var user = await server.CreateUserAsync("plain");
        using var client = server.Client(user.ApiKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users", new { email = "x@test.local", name = "x", password = "password-1" })).StatusCode);
        using var admin = server.AdminClient();
        var duplicate = await admin.PostAsJsonAsync("/api/users", new { email = user.Email, name = "again", password = "password-1" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var badEmail = await admin.PostAsJsonAsync("/api/users", new { email = "not-an-email", name = "x", password = "password-1" });
        Assert.Equal("$.email", (await badEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("path").GetString());
    }
}
