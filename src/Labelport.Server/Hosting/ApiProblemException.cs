using Microsoft.AspNetCore.Http;

namespace Labelport.Server.Hosting;

/// <summary>
/// The server's one domain exception: an expected 4xx outcome (unknown project, missing role, bad input) thrown
/// where it is found and turned into a ProblemDetails response at the HTTP edge (<see cref="ProblemResponses"/>).
/// </summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null)
        : base(detail ?? title)
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? [];
    }

    public ApiProblemException()
        : this(StatusCodes.Status400BadRequest, "Bad request")
    {
    }

    public ApiProblemException(string message)
        : this(StatusCodes.Status400BadRequest, "Bad request", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Title = "Bad request";
        Detail = message;
        Errors = [];
    }

    public int Status { get; }

    public string Title { get; }

    public string? Detail { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public static ApiProblemException NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "Not found", what + " does not exist or is not visible to you.");

    public static ApiProblemException Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ApiProblemException Conflict(string detail) =>
        new(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ApiProblemException BadRequest(string detail, IReadOnlyList<FieldError>? errors = null) =>
        new(StatusCodes.Status400BadRequest, "Bad request", detail, errors);

    public static ApiProblemException Invalid(string path, string message) =>
        new(StatusCodes.Status400BadRequest, "Bad request", path + ": " + message, [new FieldError(path, message)]);
}
