using System.Net;
using System.Text;

namespace Labelport.Client;

/// <summary>
/// The server answered with an error. Carries the status code and the server's <see cref="ApiProblem"/> (title, detail
/// and, for validation errors, the JSON path of each problem). Every error status of every call surfaces as this type.
/// </summary>
public sealed class LabelportApiException : Exception
{
    /// <summary>Creates the exception for an error response.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="problem">The problem document (built from the status line when the body carried none).</param>
    public LabelportApiException(HttpStatusCode statusCode, ApiProblem problem)
        : base(Describe(statusCode, problem))
    {
        ArgumentNullException.ThrowIfNull(problem);
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status code, e.g. 400, 404, 409.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's problem document.</summary>
    public ApiProblem Problem { get; }

    /// <summary>The problem's title, e.g. <c>One or more validation errors occurred.</c></summary>
    public string? Title => Problem.Title;

    /// <summary>The problem's detail.</summary>
    public string? Detail => Problem.Detail;

    /// <summary>The validation problems, each with the JSON path into the request body.</summary>
    public IReadOnlyList<ApiProblemError> Errors => Problem.Errors;

    private static string Describe(HttpStatusCode statusCode, ApiProblem problem)
    {
        var text = new StringBuilder();
        text.Append((int)statusCode).Append(' ').Append(problem?.Title ?? statusCode.ToString());
        if (!string.IsNullOrEmpty(problem?.Detail))
        {
            text.Append(": ").Append(problem.Detail);
        }
        foreach (var error in problem?.Errors ?? [])
        {
            text.Append('\n').Append(error.Path).Append(": ").Append(error.Message);
        }
        return text.ToString();
    }
}
