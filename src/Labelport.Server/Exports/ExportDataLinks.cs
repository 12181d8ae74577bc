using Labelport.Core.Model;
using Labelport.Server.Media;
using Labelport.Storage;
using Labelport.Storage.Records;

namespace Labelport.Server.Exports;

/// <summary>
/// The <c>data_link</c> of each data unit in an export: a signed <c>/media/…</c> URL (or the blob store's presigned
/// URL) when the request asks for signed URLs, else the stable <c>/api/data/{dataHash}/media</c>; units without a blob
/// (external data registered by a label-row import) keep their stored link. Resolved per row before it is written,
/// so only one row's links are held.
/// </summary>
internal sealed class ExportDataLinks
{
    private readonly IProjectStore _projects;
    private readonly string _projectHash;
    private readonly IBlobStore _blobs;
    private readonly MediaUrlSigner _signer;
    private readonly string _baseUrl;
    private readonly bool _signed;
    private readonly TimeSpan _timeToLive;
    private readonly DateTimeOffset _expires;
    private readonly Dictionary<string, string?> _links = new(StringComparer.Ordinal);

    public ExportDataLinks(IProjectStore projects, string projectHash, IBlobStore blobs, MediaUrlSigner signer, Uri publicBaseUri, ExportRequest request, DateTimeOffset exportedAt)
    {
        _projects = projects;
        _projectHash = projectHash;
        _blobs = blobs;
        _signer = signer;
        _baseUrl = publicBaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _signed = request.IncludeSignedUrls;
        _timeToLive = TimeSpan.FromSeconds(request.SignedUrlTtlSeconds);
        _expires = exportedAt + _timeToLive;
    }

    public async Task PrepareAsync(LabelRow row, CancellationToken cancellationToken)
    {
        _links.Clear();
        foreach (var unit in row.DataUnits.Values)
        {
            if (_links.ContainsKey(unit.DataHash))
            {
                continue;
            }
            var stored = await _projects.FindDataUnitAsync(unit.DataHash, cancellationToken);
            // Media of data the project does not hold (attached dataset or its own rows) is never linked or signed.
            if (stored?.BlobKey is not null && !(await _projects.ListProjectsHoldingDataUnitAsync(unit.DataHash, cancellationToken)).Contains(_projectHash))
            {
                stored = null;
            }
            _links[unit.DataHash] = LinkOf(stored, unit);
        }
    }

    public string? For(LabelRow row, DataUnit unit) => _links.TryGetValue(unit.DataHash, out var link) ? link : unit.DataLink;

    private string? LinkOf(DataUnitRecord? stored, DataUnit unit)
    {
        if (stored?.BlobKey is not { } blobKey)
        {
            return unit.DataLink;
        }
        if (!_signed)
        {
            return _baseUrl + "/api/data/" + Uri.EscapeDataString(unit.DataHash) + "/media";
        }
        return _blobs.TryGetPresignedUrl(blobKey, _timeToLive)?.AbsoluteUri
            ?? _baseUrl + _signer.CreateSignedPath(unit.DataHash, _expires);
    }
}
