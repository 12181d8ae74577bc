using System.Net;

namespace Labelport.Server.Tests.Web;

/// <summary>The web app as served by the real host: pages, static files, headers, and nothing else.</summary>
[Collection(ServerCollection.Name)]
public sealed class WebPagesTests(ServerFixture server)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/projects/3f6c1d3e-0000-4000-8000-000000000000")]
    public async Task Pages_are_html_with_a_strict_content_security_policy(string path)
    {
        using var client = server.Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lp_", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_answers_head_requests()
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/js/api.js", "text/javascript")]
    [InlineData("/js/project.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    [InlineData("/img/favicon.svg", "image/svg+xml")]
    public async Task Static_files_have_their_content_type_and_revalidate(string path, string mediaType)
    {
        using var client = server.Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Theory]
    [InlineData("/js/missing.js")]
    [InlineData("/js/..%2F..%2FLabelport.Server.dll")]
    [InlineData("/Labelport.Server.wwwroot.index.html")]
    [InlineData("/projects/a/b")]
    public async Task Anything_else_is_not_found(string path)
    {
        using var client = server.Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
