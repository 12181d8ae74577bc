namespace Labelport.Client;

/// <summary>An RFC 7807 problem document as the server sends it with every error (<c>application/problem+json</c>).</summary>
public sealed record ApiProblem
{
    /// <summary>A URI reference naming the kind of problem.</summary>
    public string? Type { get; init; }

    /// <summary>A short summary of the kind of problem.</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    public int? Status { get; init; }

    /// <summary>What went wrong in this request.</summary>
    public string? Detail { get; init; }

    /// <summary>The request path the problem belongs to.</summary>
    public string? Instance { get; init; }

    /// <summary>Validation problems (empty for other errors).</summary>
    public IReadOnlyList<ApiProblemError> Errors { get; init; } = [];
}
