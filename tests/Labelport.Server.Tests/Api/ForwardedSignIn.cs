using System.Net.Http.Json;

namespace Labelport.Server.Tests.Api;

/// <summary>A failing sign-in as a proxy forwards it: with the client's address in X-Forwarded-For.</summary>
internal static class ForwardedSignIn
{
    public static Task<HttpResponseMessage> WrongPasswordAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in")
        {
            Content = JsonContent.Create(new { email = ServerFixture.AdminEmail, password = "wrong-password" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }
}
