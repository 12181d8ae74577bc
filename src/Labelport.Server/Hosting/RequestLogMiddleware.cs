using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Labelport.Server.Hosting;

/// <summary>
/// One access-log entry per request, written when the response is complete: method, path, status, duration, the
/// caller's user id and how they signed in. The query string is left out on purpose (signed media URLs carry
/// their signature there) and so are all headers. <c>/health</c> is logged at Debug, below the default level.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var request = context.Request;
            var path = request.PathBase.Add(request.Path).ToString();
            var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-";
            var scheme = context.User.Identity?.AuthenticationType ?? "-";
            var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
            if (request.Path.Equals("/health", StringComparison.Ordinal))
            {
                LogHealth(logger, request.Method, path, status, elapsed);
            }
            else
            {
                LogRequest(logger, request.Method, path, status, elapsed, user, scheme, context.Connection.RemoteIpAddress?.ToString() ?? "-");
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {Status} {ElapsedMs:0.0} ms user {UserId} ({AuthScheme}) from {RemoteAddress}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double elapsedMs, string userId, string authScheme, string remoteAddress);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Path} {Status} {ElapsedMs:0.0} ms")]
    private static partial void LogHealth(ILogger logger, string method, string path, int status, double elapsedMs);
}
