using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Labelport.Server.Hosting;

/// <summary>Request bodies larger than the global limit, for the endpoints that take them (imports, uploads).</summary>
internal static class RequestBodies
{
    /// <summary>Raises this request's body limit (only possible before the body is read).</summary>
    public static void AllowUpTo(HttpContext context, long maxBytes)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }
        if (context.Request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
    }

    /// <summary>
    /// Reads the whole body into a seekable buffer (memory, then a temporary file) so synchronous parsers can read it;
    /// a body over <paramref name="maxBytes"/> → 413.
    /// </summary>
    public static async Task<Stream> BufferAsync(HttpContext context, long maxBytes)
    {
        AllowUpTo(context, maxBytes);
        context.Request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: maxBytes);
        try
        {
            await context.Request.Body.DrainAsync(context.RequestAborted);
        }
        catch (IOException error) when (error.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw TooLarge(maxBytes);
        }
        context.Request.Body.Position = 0;
        return context.Request.Body;
    }

    private static ApiProblemException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large", "The request body is larger than " + maxBytes + " bytes.");
}
