using System.Globalization;
using System.Net.Http.Headers;
using static Labelport.Client.ApiConnection;

namespace Labelport.Client;

/// <summary>Datasets and media upload (<c>/api/datasets</c>). Get it from <see cref="LabelportClient.Datasets"/>.</summary>
public sealed class DatasetsClient
{
    private readonly ApiConnection _api;

    internal DatasetsClient(ApiConnection api) => _api = api;

    /// <summary>Creates a dataset owned by the caller.</summary>
    /// <param name="title">The dataset's title.</param>
    /// <param name="description">An optional description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<Dataset> CreateAsync(string title, string? description = null, CancellationToken cancellationToken = default)
        => _api.SendJsonAsync(HttpMethod.Post, "api/datasets", new TitleBody(title, description), ClientJson.Default.TitleBody, ClientJson.Default.Dataset, cancellationToken);

    /// <summary>The datasets the caller can see.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<IReadOnlyList<Dataset>> ListAsync(CancellationToken cancellationToken = default)
        => _api.GetAsync("api/datasets", ClientJson.Default.IReadOnlyListDataset, cancellationToken);

    /// <summary>One dataset.</summary>
    /// <param name="datasetHash">The dataset's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<Dataset> GetAsync(string datasetHash, CancellationToken cancellationToken = default)
        => _api.GetAsync("api/datasets/" + Segment(datasetHash), ClientJson.Default.Dataset, cancellationToken);

    /// <summary>The data items of a dataset.</summary>
    /// <param name="datasetHash">The dataset's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<IReadOnlyList<DataItem>> ListDataAsync(string datasetHash, CancellationToken cancellationToken = default)
        => _api.GetAsync("api/datasets/" + Segment(datasetHash) + "/data", ClientJson.Default.IReadOnlyListDataItem, cancellationToken);

    /// <summary>
    /// Uploads media files as one <c>multipart/form-data</c> request. With <see cref="MediaKind.Image"/> or
    /// <see cref="MediaKind.Video"/> each file becomes its own data item; a group kind makes all files one item, in order.
    /// </summary>
    /// <param name="datasetHash">The dataset's hash.</param>
    /// <param name="files">The files (the caller disposes their streams).</param>
    /// <param name="options">Kind, title and sizes; null for single images.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The created data items.</returns>
    /// <exception cref="LabelportApiException">415 for a file whose bytes are not an allowed media type.</exception>
    public async Task<IReadOnlyList<DataItem>> UploadAsync(string datasetHash, IEnumerable<MediaFile> files, MediaUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= new MediaUploadOptions();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(KindName(options.Kind)), "kind");
        AddField(form, "title", options.Title);
        AddField(form, "width", options.Width?.ToString(CultureInfo.InvariantCulture));
        AddField(form, "height", options.Height?.ToString(CultureInfo.InvariantCulture));
        AddField(form, "frames", options.Frames?.ToString(CultureInfo.InvariantCulture));
        AddField(form, "fps", options.Fps?.ToString(CultureInfo.InvariantCulture));
        var count = 0;
        foreach (var file in files)
        {
            var content = new StreamContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(content, "file", file.FileName);
            count++;
        }
        if (count == 0)
        {
            throw new ArgumentException("Give at least one file to upload.", nameof(files));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, _api.UriOf("api/datasets/" + Segment(datasetHash) + "/data")) { Content = form };
        return await _api.SendAsync(request, ClientJson.Default.IReadOnlyListDataItem, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads files from disk (media type from the extension; see <see cref="MediaFile.ContentTypeOf"/>).</summary>
    /// <param name="datasetHash">The dataset's hash.</param>
    /// <param name="paths">The files' paths.</param>
    /// <param name="options">Kind, title and sizes; null for single images.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<IReadOnlyList<DataItem>> UploadFilesAsync(string datasetHash, IEnumerable<string> paths, MediaUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var streams = new List<FileStream>();
        try
        {
            var files = new List<MediaFile>();
            foreach (var path in paths)
            {
                var stream = File.OpenRead(path);
                streams.Add(stream);
                files.Add(new MediaFile(Path.GetFileName(path), stream, MediaFile.ContentTypeOf(path)));
            }
            return await UploadAsync(datasetHash, files, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The media bytes of a data unit (<c>GET /api/data/{dataHash}/media</c>), copied to <paramref name="destination"/>.</summary>
    /// <param name="dataHash">The data unit's hash.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The media type the server sent.</returns>
    public async Task<string?> DownloadMediaAsync(string dataHash, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var request = new HttpRequestMessage(HttpMethod.Get, _api.UriOf("api/data/" + Segment(dataHash) + "/media"));
        using var response = await _api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        return response.Content.Headers.ContentType?.MediaType;
    }

    private static string KindName(MediaKind kind) => kind switch
    {
        MediaKind.Video => "video",
        MediaKind.ImageGroup => "img_group",
        MediaKind.ImageSequence => "image_sequence",
        _ => "image",
    };

    private static void AddField(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            form.Add(new StringContent(value), name);
        }
    }
}
