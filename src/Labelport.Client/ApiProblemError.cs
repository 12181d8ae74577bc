namespace Labelport.Client;

/// <summary>One validation problem of a request: where in the request body (a JSON path) and what is wrong.</summary>
/// <param name="Path">The JSON path into the request body, e.g. <c>$.objectFeatureHashes[1]</c> or
/// <c>$[2].data_units.abc.labels.0.objects[1].boundingBox.w</c>.</param>
/// <param name="Message">What is wrong, naming the value.</param>
public sealed record ApiProblemError(string Path, string Message)
{
    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => Path + ": " + Message;
}
