using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;

namespace Labelport.Storage.S3;

/// <summary>
/// A write-only stream into one S3 object. Bytes fill a pooled part buffer; a full buffer is sent as a multipart part
/// while the next one fills (so at most two parts are in memory). Completing sends what is left: one PUT when the blob
/// never filled a part, else the last part and CompleteMultipartUpload. Disposing before that aborts the multipart
/// upload, so nothing half-written ever shows under the key.
/// </summary>
internal sealed class S3UploadStream : Stream
{
    private readonly IAmazonS3 client;
    private readonly string bucket;
    private readonly string key;
    private readonly string contentType;
    private readonly int partSize;
    private readonly List<PartETag> parts = [];
    private byte[] buffer;
    private int filled;
    private long written;
    private string? uploadId;
    private Task? pendingPart;
    private byte[]? pendingBuffer;
    private bool completed;
    private bool disposed;

    public S3UploadStream(IAmazonS3 client, string bucket, string key, string contentType, int partSize)
    {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.partSize = partSize;
        buffer = ArrayPool<byte>.Shared.Rent(partSize);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !completed && !disposed;

    public override long Length => written;

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    // Synchronous writes copy into the buffer and block only when a full part has to be sent.
    public override void Write(ReadOnlySpan<byte> source)
    {
        while (!source.IsEmpty)
        {
            var n = CopyIn(source);
            source = source[n..];
            if (filled == partSize)
            {
                SendFullPartAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        while (!source.IsEmpty)
        {
            var n = CopyIn(source.Span);
            source = source[n..];
            if (filled == partSize)
            {
                await SendFullPartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override void Flush()
    {
        // Parts are sent when full; nothing is visible before completion, so there is nothing to flush.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Sends what is buffered and makes the object visible.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed)
        {
            throw new InvalidOperationException($"The upload of '{key}' was already published.");
        }
        if (uploadId is null)
        {
            using var body = new MemoryStream(buffer, 0, filled, writable: false);
            await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentType = contentType, InputStream = body, AutoCloseStream = false }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (filled > 0)
            {
                await SendFullPartAsync(cancellationToken).ConfigureAwait(false);
            }
            await AwaitPendingPartAsync().ConfigureAwait(false);
            var request = new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartETags = [.. parts] };
            await client.CompleteMultipartUploadAsync(request, cancellationToken).ConfigureAwait(false);
        }
        completed = true;
    }

    public override async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        try
        {
            if (pendingPart is not null)
            {
                await pendingPart.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            if (!completed && uploadId is not null)
            {
                await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            ReturnBuffers();
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }

    private int CopyIn(ReadOnlySpan<byte> source)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (completed)
        {
            throw new InvalidOperationException($"The upload of '{key}' was already published.");
        }
        var n = Math.Min(source.Length, partSize - filled);
        source[..n].CopyTo(buffer.AsSpan(filled));
        filled += n;
        written += n;
        return n;
    }

    /// <summary>Starts sending the buffer as the next part (after the previous one finished) and swaps in a free buffer.</summary>
    private async Task SendFullPartAsync(CancellationToken cancellationToken)
    {
        uploadId ??= (await client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ContentType = contentType }, cancellationToken).ConfigureAwait(false)).UploadId;
        await AwaitPendingPartAsync().ConfigureAwait(false);
        var partBuffer = buffer;
        var partLength = filled;
        var partNumber = parts.Count + 1;
        buffer = pendingBuffer ?? ArrayPool<byte>.Shared.Rent(partSize);
        pendingBuffer = partBuffer;
        filled = 0;
        pendingPart = SendPartAsync(partBuffer, partLength, partNumber, cancellationToken);
    }

    private async Task SendPartAsync(byte[] partBuffer, int length, int partNumber, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(partBuffer, 0, length, writable: false);
        var response = await client.UploadPartAsync(
            new UploadPartRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = partNumber, InputStream = body, PartSize = length },
            cancellationToken).ConfigureAwait(false);
        parts.Add(new PartETag(partNumber, response.ETag));
    }

    private async Task AwaitPendingPartAsync()
    {
        if (pendingPart is not null)
        {
            var part = pendingPart;
            pendingPart = null;
            await part.ConfigureAwait(false);
        }
    }

    private void ReturnBuffers()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        if (pendingBuffer is not null)
        {
            ArrayPool<byte>.Shared.Return(pendingBuffer);
            pendingBuffer = null;
        }
        buffer = [];
    }
}
