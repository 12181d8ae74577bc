using Labelport.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Labelport.Server.Auth;

/// <summary>
/// Unsafe requests authenticated by the session cookie must carry <c>X-Labelport-Csrf: 1</c>: a custom header cannot
/// be sent cross-site without a CORS preflight, which this server never grants. API-key requests are not affected.
/// </summary>
internal sealed class CsrfMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        if (unsafeMethod
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Cookie }
            && context.Request.Headers[AuthSchemes.CsrfHeader] != "1")
        {
            var problem = ApiProblemException.Forbidden("Requests signed in by cookie must send the header " + AuthSchemes.CsrfHeader + ": 1.");
            await ProblemResponses.WriteAsync(problemDetails, context, problem);
            return;
        }
        await next(context);
    }
}
