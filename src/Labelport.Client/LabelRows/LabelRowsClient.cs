using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Labelport.Core.Encord;
using Labelport.Core.Model;
using static Labelport.Client.ApiConnection;

namespace Labelport.Client;

/// <summary>Label rows of a project (<c>/api/projects/{projectHash}/label-rows</c>). Get it from <see cref="LabelportClient.LabelRows"/>.</summary>
public sealed class LabelRowsClient
{
    private readonly ApiConnection _api;

    internal LabelRowsClient(ApiConnection api) => _api = api;

    /// <summary>
    /// Imports Encord JSON — one label row or an array, either dialect — as it is (streamed from <paramref name="encordJson"/>).
    /// Every row is validated against the project's ontology; on any problem nothing is stored.
    /// </summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="encordJson">The JSON, read from its current position.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="LabelportApiException">400 with one <see cref="ApiProblemError"/> per problem (JSON path and message).</exception>
    public async Task<LabelRowImportResult> ImportAsync(string projectHash, Stream encordJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encordJson);
        var content = new StreamContent(encordJson);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await ImportAsync(projectHash, content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports label rows of the Core model, written as an Encord JSON array while they are sent.</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="rows">The rows (enumerated once, while sending).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="LabelportApiException">400 with one <see cref="ApiProblemError"/> per problem (JSON path and message).</exception>
    public Task<LabelRowImportResult> ImportAsync(string projectHash, IEnumerable<LabelRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return ImportAsync(projectHash, new LabelRowsContent(rows, single: false), cancellationToken);
    }

    /// <summary>
    /// The project's label rows as summaries, filtered like the server filters (all filters combine with AND), in
    /// the server's order (data title, then label hash). Pages are fetched as the caller enumerates.
    /// </summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="query">Filters and page size; null for every row.</param>
    /// <param name="cancellationToken">Cancels the enumeration (checked on every page request).</param>
    public async IAsyncEnumerable<LabelRowSummary> ListAsync(string projectHash, LabelRowQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = "api/projects/" + Segment(projectHash) + "/label-rows";
        var filters = QueryOf(query);
        string? cursor = null;
        do
        {
            var url = path + filters;
            if (cursor is not null)
            {
                url += (filters.Length == 0 ? "?" : "&") + "cursor=" + Uri.EscapeDataString(cursor);
            }
            var page = await _api.GetAsync(url, ClientJson.Default.LabelRowPage, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>One label row with all its labels (read with Core's streaming reader).</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="labelHash">The row's label hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<LabelRow> GetAsync(string projectHash, string labelHash, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _api.UriOf(RowPath(projectHash, labelHash)));
        using var response = await _api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var row in LabelRowReader.ReadAllAsync(stream, cancellationToken).ConfigureAwait(false))
            {
                return row;
            }
        }
        throw new InvalidDataException($"The server sent no label row for {labelHash}.");
    }

    /// <summary>Replaces one label row (validated against the ontology).</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="labelHash">The row's label hash.</param>
    /// <param name="row">The new content of the row.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<LabelRowSummary> UpdateAsync(string projectHash, string labelHash, LabelRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var request = new HttpRequestMessage(HttpMethod.Put, _api.UriOf(RowPath(projectHash, labelHash))) { Content = new LabelRowsContent([row], single: true) };
        return await _api.SendAsync(request, ClientJson.Default.LabelRowSummary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets a row's label status (admin, team manager or reviewer).</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="labelHash">The row's label hash.</param>
    /// <param name="labelStatus">The new status, e.g. <c>REVIEWED</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<LabelRowSummary> SetStatusAsync(string projectHash, string labelHash, string labelStatus, CancellationToken cancellationToken = default)
        => _api.SendJsonAsync(HttpMethod.Patch, RowPath(projectHash, labelHash), new LabelStatusBody(labelStatus), ClientJson.Default.LabelStatusBody, ClientJson.Default.LabelRowSummary, cancellationToken);

    private async Task<LabelRowImportResult> ImportAsync(string projectHash, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _api.UriOf("api/projects/" + Segment(projectHash) + "/label-rows")) { Content = content };
        return await _api.SendAsync(request, ClientJson.Default.LabelRowImportResult, cancellationToken).ConfigureAwait(false);
    }

    private static string RowPath(string projectHash, string labelHash) => "api/projects/" + Segment(projectHash) + "/label-rows/" + Segment(labelHash);

    internal static string QueryOf(LabelRowQuery? query)
    {
        if (query is null)
        {
            return string.Empty;
        }
        var text = new StringBuilder();
        AddList(text, "dataHashes", query.DataHashes);
        AddList(text, "labelStatuses", query.LabelStatuses);
        AddValue(text, "editedAfter", query.EditedAfter is { } after ? Iso(after) : null);
        AddValue(text, "editedBefore", query.EditedBefore is { } before ? Iso(before) : null);
        AddValue(text, "limit", query.PageSize?.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void AddList(StringBuilder text, string name, IReadOnlyCollection<string>? values)
    {
        if (values is { Count: > 0 })
        {
            AddValue(text, name, string.Join(',', values));
        }
    }

    private static void AddValue(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
