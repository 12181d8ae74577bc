namespace Labelport.Server.Hosting;

/// <summary>One validation problem: the JSON path into the request body and what is wrong there.</summary>
public sealed record FieldError(string Path, string Message);
