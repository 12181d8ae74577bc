namespace Labelport.Client;

/// <summary>A finished download, checked against the server's SHA-256.</summary>
/// <param name="FileName">The server's file name (from <c>Content-Disposition</c>).</param>
/// <param name="Size">Bytes written.</param>
/// <param name="Sha256">The SHA-256 of the bytes written (lower-case hex).</param>
/// <param name="Resumes">How many times the download was resumed with a <c>Range</c> request after a dropped connection.</param>
public sealed record ExportDownload(string FileName, long Size, string Sha256, int Resumes)
{
    /// <summary>The path the file was written to, for downloads to a file; null for downloads to a stream.</summary>
    public string? Path { get; init; }
}
