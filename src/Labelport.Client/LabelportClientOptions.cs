namespace Labelport.Client;

/// <summary>
/// Settings of a <see cref="LabelportClient"/>: where the server is, the API key, and how often an export is polled.
/// Register one instance in a service collection to use the client as a typed <see cref="HttpClient"/>
/// (<c>services.AddSingleton(options); services.AddHttpClient&lt;LabelportClient&gt;();</c>).
/// </summary>
public sealed class LabelportClientOptions
{
    /// <summary>
    /// The server's base address, e.g. <c>https://labels.example.com/</c>. When null the <see cref="HttpClient.BaseAddress"/>
    /// of the injected <see cref="HttpClient"/> is used.
    /// </summary>
    public Uri? Server { get; set; }

    /// <summary>The API key (<c>lp_…</c>) sent as <c>Authorization: Bearer &lt;key&gt;</c> on every request.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long <see cref="ExportsClient.WaitAsync"/> waits between two status requests. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times a download is resumed with a <c>Range</c> request after the connection dropped. Default 5.</summary>
    public int MaxDownloadResumes { get; set; } = 5;

    /// <summary>The clock used for polling delays and timeouts (a fake one in tests). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
