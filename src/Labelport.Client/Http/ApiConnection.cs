using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace Labelport.Client;

/// <summary>
/// The one <see cref="HttpClient"/> every area client shares: builds absolute URIs from the base address, adds the API
/// key to each request (the injected client's default headers are left alone), and turns error statuses into
/// <see cref="LabelportApiException"/>.
/// </summary>
internal sealed class ApiConnection
{
    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly AuthenticationHeaderValue? _authorization;

    public ApiConnection(HttpClient http, LabelportClientOptions options)
    {
        _http = http;
        Options = options;
        var server = options.Server ?? http.BaseAddress
            ?? throw new ArgumentException("Set LabelportClientOptions.Server or the HttpClient's BaseAddress to the server's address.", nameof(options));
        if (!server.IsAbsoluteUri)
        {
            throw new ArgumentException($"The server address must be absolute, not '{server}'.", nameof(options));
        }
        _base = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        _authorization = string.IsNullOrEmpty(options.ApiKey) ? null : new AuthenticationHeaderValue("Bearer", options.ApiKey);
    }

    public LabelportClientOptions Options { get; }

    public Uri BaseAddress => _base;

    public Uri UriOf(string relative) => new(_base, relative);

    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    public async Task<T> GetAsync<T>(string relative, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, UriOf(relative));
        return await SendAsync(request, type, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> SendJsonAsync<TBody, T>(HttpMethod method, string relative, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, UriOf(relative)) { Content = JsonContent.Create(body, bodyType) };
        return await SendAsync(request, type, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var value = await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        return value ?? throw new InvalidDataException($"{request.Method} {request.RequestUri}: the server answered {(int)response.StatusCode} with an empty body.");
    }

    public async Task SendNoContentAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends with the API key; any status outside 2xx throws <see cref="LabelportApiException"/> (the response is disposed then).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        if (_authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }
        var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
