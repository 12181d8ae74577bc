namespace Labelport.Server.Exports;

/// <summary>What the export runner needs from the host.</summary>
public sealed class ExportRunnerOptions
{
    /// <summary>
    /// The server's public base URL (scheme, host, port, optional path prefix), for absolute data links in exports.
    /// Read when a job runs, so a host that learns its address after start (random port) can set it then.
    /// </summary>
    public Uri PublicBaseUri { get; set; } = new("http://localhost:5000/");

    /// <summary>Folder for temporary files of a running export (COCO's annotation spill); null = the system temp folder.</summary>
    public string? TemporaryFolder { get; set; }
}
