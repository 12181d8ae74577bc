namespace Labelport.Server.Datasets;

/// <summary>One uploaded file: its name as sent (only used as a title) and a way to read it, possibly twice.</summary>
public sealed record UploadFile(string FileName, long Length, Func<Stream> Open);
