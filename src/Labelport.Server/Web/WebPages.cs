using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Labelport.Server.Web;

/// <summary>
/// Serves the web app: plain HTML, CSS and JavaScript modules embedded in this assembly from wwwroot/
/// (no build step). Pages hold no data and no secrets; everything they show comes from the REST API
/// after sign-in.
/// </summary>
public static class WebPages
{
    private const string ResourceRoot = "Labelport.Server.wwwroot";

    // Module URLs carry no content hash (no build step), so browsers must revalidate every time;
    // ETag/Last-Modified from the static file middleware keep that to a 304.
    private const string CacheControl = "no-cache";

    // Pages load only their own scripts and styles; media come from this server (or blob: for masks).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; " +
        "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapLabelportWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new EmbeddedFileProvider(typeof(WebPages).Assembly, ResourceRoot);
        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".mjs"] = "text/javascript";
        contentTypes.Mappings[".webmanifest"] = "application/manifest+json";

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = contentTypes,
            OnPrepareResponse = context => AddHeaders(context.Context.Response),
        });

        var signInPage = ReadPage(files, "index.html");
        var projectPage = ReadPage(files, "project.html");
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/", methods, (HttpContext context) => Page(context, signInPage)).ExcludeFromDescription();
        app.MapMethods("/projects/{projectHash}", methods, (HttpContext context) => Page(context, projectPage))
            .ExcludeFromDescription();
        return app;
    }

    private static byte[] ReadPage(IFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        if (!file.Exists)
        {
            throw new InvalidOperationException(
                $"The web page {name} is not embedded in {typeof(WebPages).Assembly.GetName().Name}.");
        }

        using var stream = file.CreateReadStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static IResult Page(HttpContext context, byte[] page)
    {
        AddHeaders(context.Response);
        return Results.Bytes(page, "text/html; charset=utf-8");
    }

    private static void AddHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers[HeaderNames.CacheControl] = CacheControl;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XFrameOptions] = "DENY";
    }
}
