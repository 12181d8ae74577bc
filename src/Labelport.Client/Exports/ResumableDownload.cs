using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Labelport.Client;

/// <summary>
/// GET of a file that continues with <c>Range: bytes=N-</c> (and <c>If-Range: &lt;etag&gt;</c>, so a changed file is never
/// spliced) after the connection drops mid-body. Hashes what it writes and compares with the ETag, the file's SHA-256.
/// </summary>
internal sealed class ResumableDownload(ApiConnection api, string relative, IProgress<DownloadProgress>? progress)
{
    private const int BufferSize = 1 << 16;

    private EntityTagHeaderValue? _etag;
    private string? _fileName;
    private long? _total;
    private long _written;
    private bool _answered;

    public async Task<ExportDownload> RunAsync(Stream destination, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var resumes = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                try
                {
                    await ReceiveAsync(destination, sha, buffer, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (_answered && IsDroppedConnection(e) && !cancellationToken.IsCancellationRequested)
                {
                    // Only a download that had started is resumed; a server that cannot be reached at all is reported at once.
                    if (resumes >= api.Options.MaxDownloadResumes)
                    {
                        throw new IOException($"The download of {relative} broke off after {_written} bytes and could not be resumed ({resumes} resumes): {e.Message}", e);
                    }
                    resumes++;
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * resumes), api.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var hex = Convert.ToHexStringLower(sha.GetHashAndReset());
        var expected = _etag?.Tag.Trim('"');
        if (expected is { Length: 64 } && !string.Equals(expected, hex, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The download of {relative} has SHA-256 {hex}, the server's is {expected}.");
        }
        return new ExportDownload(_fileName ?? Path.GetFileName(relative), _written, hex, resumes);
    }

    private async Task ReceiveAsync(Stream destination, IncrementalHash sha, byte[] buffer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, api.UriOf(relative));
        var resuming = _written > 0;
        if (resuming)
        {
            request.Headers.Range = new RangeHeaderValue(_written, null);
            if (_etag is not null)
            {
                request.Headers.IfRange = new RangeConditionHeaderValue(_etag);
            }
        }
        using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        _answered = true;
        if (resuming)
        {
            CheckResumed(response);
        }
        else
        {
            _etag = response.Headers.ETag;
            _fileName = FileNameOf(response.Content.Headers.ContentDisposition);
            _total = response.Content.Headers.ContentLength;
        }
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                sha.AppendData(buffer, 0, read);
                _written += read;
                progress?.Report(new DownloadProgress(_written, _total));
            }
        }
        if (_total is { } total && _written != total)
        {
            throw new IOException($"The server sent {_written} of {total} bytes.");
        }
    }

    private void CheckResumed(HttpResponseMessage response)
    {
        var range = response.Content.Headers.ContentRange;
        if (response.StatusCode != HttpStatusCode.PartialContent || range?.From != _written)
        {
            // 200 means the If-Range did not match or ranges are not supported: the bytes so far cannot be continued.
            throw new InvalidDataException($"Resuming {relative} at byte {_written}: the server answered {(int)response.StatusCode} {range} instead of the rest of the same file.");
        }
    }

    private static bool IsDroppedConnection(Exception e) => e is IOException or HttpRequestException { StatusCode: null };

    private static string? FileNameOf(ContentDispositionHeaderValue? disposition)
    {
        var name = disposition?.FileNameStar ?? disposition?.FileName;
        return name is null ? null : ExportsClient.SafeFileName(name.Trim('"'));
    }
}
