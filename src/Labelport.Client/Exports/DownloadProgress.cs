namespace Labelport.Client;

/// <summary>How much of a download has arrived.</summary>
/// <param name="BytesReceived">Bytes written to the destination so far (including bytes before a resume).</param>
/// <param name="TotalBytes">The file's size, when the server said.</param>
public sealed record DownloadProgress(long BytesReceived, long? TotalBytes);
