namespace Labelport.Core.Validation;

/// <summary>One problem found in label JSON: where (JSON path) and what (including the offending value).</summary>
public sealed record ValidationProblem(string Path, string Message)
{
    public override string ToString() => Path + ": " + Message;
}
