using System.Security.Cryptography;
using System.Text;

namespace Labelport.Server.Exports;

/// <summary>
/// The canonical key of an <see cref="ExportRequest"/>, so identical requests can share a queued or running job
/// (<c>IExportJobStore.FindActiveAsync</c>). Filters are sorted (ordinal) and de-duplicated; an absent filter
/// (everything) differs from an empty one (nothing). The key is the SHA-256 (lower-case hex) of the canonical text,
/// so its length does not grow with the number of selected files.
/// </summary>
public static class ExportRequestKey
{
    public static string Create(ExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(request))));
    }

    /// <summary>The text the key hashes, e.g. <c>format=json\ndataHashes=*\nlabelStatuses=LABELLED,REVIEWED\n…</c>.</summary>
    public static string CanonicalText(ExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        text.Append("format=").Append(request.Format).Append('\n');
        AppendList(text, "dataHashes", request.DataHashes);
        AppendList(text, "labelStatuses", request.LabelStatuses);
        AppendList(text, "objectFeatureHashes", request.ObjectFeatureHashes);
        AppendList(text, "classificationFeatureHashes", request.ClassificationFeatureHashes);
        text.Append("includeSignedUrls=").Append(request.IncludeSignedUrls ? "true" : "false").Append('\n');
        // The TTL changes the file only when URLs are signed.
        text.Append("signedUrlTtlSeconds=")
            .Append(request.IncludeSignedUrls ? request.SignedUrlTtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-");
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string name, IReadOnlyList<string>? values)
    {
        text.Append(name).Append('=');
        if (values is null)
        {
            text.Append('*');
        }
        else
        {
            var sorted = new SortedSet<string>(values, StringComparer.Ordinal);
            text.Append('[').AppendJoin(',', sorted).Append(']');
        }
        text.Append('\n');
    }
}
