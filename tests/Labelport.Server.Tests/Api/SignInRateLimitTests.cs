using System.Net;
using System.Net.Http.Json;

namespace Labelport.Server.Tests.Api;

public sealed class SignInRateLimitTests(RateLimitedServerFixture server) : IClassFixture<RateLimitedServerFixture>
{
    [Fact]
    public async Task Sign_in_is_rate_limited_per_address_with_retry_after()
    {
        using var client = server.Client();
        for (var i = 0; i < RateLimitedServerFixture.Permits; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = ServerFixture.AdminEmail, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }
        var limited = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = ServerFixture.AdminEmail, password = ServerFixture.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        // Other endpoints are not limited.
        using var admin = server.AdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/me")).StatusCode);
    }
}
