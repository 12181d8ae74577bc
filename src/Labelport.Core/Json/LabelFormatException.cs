namespace Labelport.Core.Json;

/// <summary>
/// Label or ontology JSON that cannot be read: malformed JSON, a wrong type, a missing required field.
/// <see cref="Path"/> says where (JSONPath), <see cref="Problem"/> says what, including the offending value.
/// </summary>
public sealed class LabelFormatException : Exception
{
    public LabelFormatException(string path, string problem)
        : base(path + ": " + problem)
    {
        Path = path;
        Problem = problem;
    }

    public LabelFormatException(string path, string problem, Exception innerException)
        : base(path + ": " + problem, innerException)
    {
        Path = path;
        Problem = problem;
    }

    public LabelFormatException()
        : this("$", "invalid label JSON")
    {
    }

    public LabelFormatException(string message)
        : this("$", message)
    {
    }

    public LabelFormatException(string message, Exception innerException)
        : this("$", message, innerException)
    {
    }

    public string Path { get; }

    public string Problem { get; }
}
