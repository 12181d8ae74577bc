using System.Net;

namespace Labelport.Server.Tests.Api;

/// <summary>Without LABELPORT_TRUSTED_PROXIES, X-Forwarded-For is anyone's word: it must not split the sign-in limit.</summary>
public sealed class UntrustedForwardingTests(RateLimitedServerFixture server) : IClassFixture<RateLimitedServerFixture>
{
    [Fact]
    public async Task A_forged_forwarded_address_does_not_escape_the_sign_in_limit()
    {
        using var client = server.Client();
        for (var i = 0; i < RateLimitedServerFixture.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ForwardedSignIn.WrongPasswordAsync(client, $"198.51.100.{i + 1}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ForwardedSignIn.WrongPasswordAsync(client, "198.51.100.200")).StatusCode);
    }
}
