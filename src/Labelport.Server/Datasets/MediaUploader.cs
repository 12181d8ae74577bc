using Labelport.Server.Hosting;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Http;

namespace Labelport.Server.Datasets;

/// <summary>
/// Stores uploaded media as data items of a dataset: every file is type-checked by its magic bytes first (415 for
/// anything else), sizes are read from image headers or taken from the request (videos), then each blob is written
/// under a server-generated key and published, and the items are added in one call.
/// </summary>
public sealed class MediaUploader(IProjectStore projects, IBlobStore blobs, TimeProvider time)
{
    public async Task<IReadOnlyList<DataItemRecord>> UploadAsync(DatasetRecord dataset, UploadRequest request, IReadOnlyList<UploadFile> files, CancellationToken cancellationToken)
    {
        if (!UploadRequest.Kinds.Contains(request.Kind))
        {
            throw ApiProblemException.Invalid("kind", "unknown kind \"" + request.Kind + "\" (expected " + string.Join(", ", UploadRequest.Kinds) + ")");
        }
        if (files.Count == 0)
        {
            throw ApiProblemException.Invalid("file", "no file part in the upload");
        }
        var sniffed = new SniffedMedia[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            sniffed[i] = await SniffAsync(files[i], cancellationToken);
            Check(request, files[i], sniffed[i]);
        }
        var now = time.GetUtcNow();
        var items = new List<DataItemRecord>();
        if (request.Kind is UploadRequest.ImageGroup or UploadRequest.ImageSequence)
        {
            var itemHash = Guid.NewGuid().ToString();
            var units = new List<DataUnitRecord>(files.Count);
            for (var i = 0; i < files.Count; i++)
            {
                units.Add(await StoreAsync(dataset, itemHash, Guid.NewGuid().ToString(), i, files[i], sniffed[i], request, cancellationToken));
            }
            var title = string.IsNullOrWhiteSpace(request.Title) ? TitleOf(files[0]) : request.Title.Trim();
            items.Add(new DataItemRecord(itemHash, dataset.DatasetHash, title, "img_group", request.Kind == UploadRequest.ImageSequence, now, units));
        }
        else
        {
            for (var i = 0; i < files.Count; i++)
            {
                var hash = Guid.NewGuid().ToString();
                var unit = await StoreAsync(dataset, hash, hash, 0, files[i], sniffed[i], request, cancellationToken);
                var title = files.Count == 1 && !string.IsNullOrWhiteSpace(request.Title) ? request.Title.Trim() : unit.Title;
                items.Add(new DataItemRecord(hash, dataset.DatasetHash, title, request.Kind, false, now, [unit with { Title = title }]));
            }
        }
        await projects.AddDataItemsAsync(items, cancellationToken);
        await AddRowsInAttachedProjectsAsync(dataset, items[0].Units[0].DataHash, now, cancellationToken);
        return items;
    }

    private async Task AddRowsInAttachedProjectsAsync(DatasetRecord dataset, string anyNewUnit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var projectHash in await projects.ListProjectsHoldingDataUnitAsync(anyNewUnit, cancellationToken))
        {
            await projects.AttachDatasetAsync(projectHash, dataset.DatasetHash, now, cancellationToken);
        }
    }

    private static async Task<SniffedMedia> SniffAsync(UploadFile file, CancellationToken cancellationToken)
    {
        var head = new byte[(int)Math.Min(MediaSniffer.HeadLength, Math.Max(file.Length, 0))];
        await using (var stream = file.Open())
        {
            await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }
        return MediaSniffer.Sniff(head) ?? throw new ApiProblemException(
            StatusCodes.Status415UnsupportedMediaType,
            "Unsupported media type",
            "\"" + TitleOf(file) + "\" is not a PNG, JPEG, WebP, MP4 or WebM file (checked by its first bytes).");
    }

    private static void Check(UploadRequest request, UploadFile file, SniffedMedia media)
    {
        var wantsVideo = request.Kind == UploadRequest.Video;
        if (wantsVideo != media.IsVideo)
        {
            throw new ApiProblemException(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type",
                "\"" + TitleOf(file) + "\" is " + media.MimeType + " but the kind " + request.Kind + " needs " + (wantsVideo ? "a video (MP4 or WebM)" : "images (PNG, JPEG or WebP)") + ".");
        }
        if (wantsVideo && (request.Width is null || request.Height is null || request.Frames is null || request.Fps is null))
        {
            throw ApiProblemException.BadRequest(
                "A video upload needs the fields width, height, frames and fps: the server does not read them from MP4/WebM files.",
                [.. new[] { ("width", request.Width is null), ("height", request.Height is null), ("frames", request.Frames is null), ("fps", request.Fps is null) }
                    .Where(f => f.Item2).Select(f => new FieldError(f.Item1, "required for a video"))]);
        }
        if ((media.Width ?? request.Width) is not > 0 || (media.Height ?? request.Height) is not > 0)
        {
            throw ApiProblemException.BadRequest("The size of \"" + TitleOf(file) + "\" could not be read from the file; send the fields width and height.",
                [new FieldError("width", "required when the file's header does not give it")]);
        }
        if (request.Fps is <= 0 || request.Frames is <= 0)
        {
            throw ApiProblemException.Invalid(request.Fps is <= 0 ? "fps" : "frames", "must be greater than 0");
        }
    }

    private async Task<DataUnitRecord> StoreAsync(DatasetRecord dataset, string itemHash, string unitHash, int sequence, UploadFile file, SniffedMedia media, UploadRequest request, CancellationToken cancellationToken)
    {
        var key = "media/" + dataset.DatasetHash + "/" + unitHash + Extension(media.MimeType);
        long size;
        await using (var upload = await blobs.BeginUploadAsync(key, media.MimeType, cancellationToken))
        {
            await using (var source = file.Open())
            {
                await source.CopyToAsync(upload.Stream, cancellationToken);
            }
            size = file.Length;
            await upload.PublishAsync(cancellationToken);
        }
        var isVideo = media.IsVideo;
        return new DataUnitRecord(
            unitHash,
            itemHash,
            TitleOf(file),
            media.MimeType,
            media.Width ?? request.Width,
            media.Height ?? request.Height,
            isVideo ? request.Frames : null,
            isVideo ? request.Fps : null,
            size,
            sequence,
            key,
            null);
    }

    private static string TitleOf(UploadFile file)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? "upload" : name;
    }

    private static string Extension(string mimeType) => mimeType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "video/webm" => ".webm",
        _ => ".bin",
    };
}
