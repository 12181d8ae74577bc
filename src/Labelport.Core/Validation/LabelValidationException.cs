namespace Labelport.Core.Validation;

/// <summary>Label rows that read fine but break the ontology's rules; <see cref="Problems"/> has every problem with its path.</summary>
public sealed class LabelValidationException : Exception
{
    public LabelValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(problems is { Count: > 0 } ? problems[0] + (problems.Count > 1 ? " (and " + (problems.Count - 1) + " more)" : "") : "invalid labels")
    {
        Problems = problems;
    }

    public LabelValidationException()
        : this([])
    {
    }

    public LabelValidationException(string message)
        : this([new ValidationProblem("$", message)])
    {
    }

    public LabelValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new ValidationProblem("$", message)];
    }

    public IReadOnlyList<ValidationProblem> Problems { get; }
}
