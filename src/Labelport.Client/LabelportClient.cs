namespace Labelport.Client;

/// <summary>
/// The typed client of a Labelport server's REST API. One instance wraps one <see cref="HttpClient"/> and is safe to
/// share between threads; every call takes a <see cref="CancellationToken"/> and every error status becomes a
/// <see cref="LabelportApiException"/> carrying the server's problem details.
/// </summary>
/// <example>
/// <code>
/// using var client = new LabelportClient(new Uri("https://labels.example.com/"), apiKey);
/// var job = await client.Exports.StartAsync(projectHash, new ExportRequest { Format = ExportFormat.Coco });
/// job = await client.Exports.WaitAsync(job.ExportHash, new Progress&lt;ExportProgress&gt;(p => Console.WriteLine(p.Fraction)));
/// await client.Exports.DownloadToFileAsync(job.ExportHash, ".");
/// </code>
/// With <c>IHttpClientFactory</c>: <c>services.AddSingleton(new LabelportClientOptions { Server = …, ApiKey = … });
/// services.AddHttpClient&lt;LabelportClient&gt;();</c>
/// </example>
public sealed class LabelportClient : IDisposable
{
    private readonly ApiConnection _api;
    private readonly HttpClient? _owned;

    /// <summary>Creates a client over an <see cref="HttpClient"/> the caller (or <c>IHttpClientFactory</c>) owns.</summary>
    /// <param name="httpClient">The client to send with. Its default headers are not changed.</param>
    /// <param name="options">The server address (or the <paramref name="httpClient"/>'s base address), API key and polling settings.</param>
    public LabelportClient(HttpClient httpClient, LabelportClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _api = new ApiConnection(httpClient, options);
        Projects = new ProjectsClient(_api);
        Datasets = new DatasetsClient(_api);
        LabelRows = new LabelRowsClient(_api);
        Exports = new ExportsClient(_api);
    }

    /// <summary>Creates a client with its own <see cref="HttpClient"/> (disposed with this client).</summary>
    /// <param name="server">The server's base address, e.g. <c>https://labels.example.com/</c>.</param>
    /// <param name="apiKey">The API key (<c>lp_…</c>).</param>
    public LabelportClient(Uri server, string apiKey)
        : this(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, new LabelportClientOptions { Server = server, ApiKey = apiKey }, owned: true)
    {
    }

    private LabelportClient(HttpClient httpClient, LabelportClientOptions options, bool owned)
        : this(httpClient, options)
    {
        _owned = owned ? httpClient : null;
    }

    /// <summary>The server's base address.</summary>
    public Uri Server => _api.BaseAddress;

    /// <summary>Projects, ontologies, attached datasets.</summary>
    public ProjectsClient Projects { get; }

    /// <summary>Datasets and media upload.</summary>
    public DatasetsClient Datasets { get; }

    /// <summary>Label rows: import, list with filters, read, update, set status.</summary>
    public LabelRowsClient LabelRows { get; }

    /// <summary>Exports: start, wait, download, cancel, history.</summary>
    public ExportsClient Exports { get; }

    /// <summary>The user the API key belongs to (<c>GET /api/me</c>); a quick check that address and key are right.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="LabelportApiException">401 when the key is wrong or revoked.</exception>
    public Task<Me> GetMeAsync(CancellationToken cancellationToken = default)
        => _api.GetAsync("api/me", ClientJson.Default.Me, cancellationToken);

    /// <summary>Disposes the <see cref="HttpClient"/> when this client created it.</summary>
    public void Dispose() => _owned?.Dispose();
}
