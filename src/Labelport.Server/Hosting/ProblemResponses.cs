using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Labelport.Server.Hosting;

/// <summary>Writes <see cref="ApiProblemException"/>s as RFC 7807 <c>application/problem+json</c>.</summary>
internal static class ProblemResponses
{
    public static ProblemDetails ToProblemDetails(ApiProblemException problem, HttpContext httpContext)
    {
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Title = problem.Title,
            Detail = problem.Detail,
            Type = "https://httpstatuses.io/" + problem.Status,
            Instance = httpContext.Request.Path,
        };
        if (problem.Errors.Count > 0)
        {
            details.Extensions["errors"] = problem.Errors;
        }
        return details;
    }

    public static async ValueTask<bool> WriteAsync(IProblemDetailsService service, HttpContext httpContext, ApiProblemException problem, Exception? exception = null)
    {
        httpContext.Response.StatusCode = problem.Status;
        return await service.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = ToProblemDetails(problem, httpContext),
            Exception = exception,
        });
    }
}
