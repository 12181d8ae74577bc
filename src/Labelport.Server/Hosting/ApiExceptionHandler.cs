using System.Text.Json;
using Labelport.Core.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Labelport.Server.Hosting;

/// <summary>
/// The HTTP edge for every exception: expected problems become their 4xx ProblemDetails, bad JSON a 400 naming the
/// JSON path, oversized bodies a 413, anything else a 500 without internals (logged with its stack trace).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ApiProblemException(StatusCodes.Status500InternalServerError, "Internal server error", "The server could not complete the request; the error was logged.");
        }
        if (httpContext.Response.HasStarted)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status;
        return await ProblemResponses.WriteAsync(problemDetails, httpContext, problem, exception);
    }

    private static ApiProblemException? ToProblem(Exception exception) => exception switch
    {
        ApiProblemException api => api,
        BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge =>
            new ApiProblemException(StatusCodes.Status413PayloadTooLarge, "Payload too large", tooLarge.Message),
        BadHttpRequestException bad => new ApiProblemException(bad.StatusCode, "Bad request", bad.Message),
        JsonException json => JsonProblem(json),
        LabelFormatException format => ApiProblemException.Invalid(format.Path, format.Problem),
        _ => null,
    };

    private static ApiProblemException JsonProblem(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var message = json.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        return ApiProblemException.Invalid(path, message);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
