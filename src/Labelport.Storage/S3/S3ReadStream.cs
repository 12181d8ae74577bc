using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;

namespace Labelport.Storage.S3;

/// <summary>
/// A seekable read stream over one S3 object: reads go through the open GET body; a seek drops it and the next read
/// opens a ranged GET from the new position, pinned to the object's ETag so every range comes from the same version.
/// </summary>
internal sealed class S3ReadStream : Stream
{
    private readonly IAmazonS3 client;
    private readonly string bucket;
    private readonly string key;
    private readonly string? eTag;
    private readonly long length;
    private GetObjectResponse? response;
    private long position;

    public S3ReadStream(IAmazonS3 client, string bucket, string key, GetObjectResponse firstResponse)
    {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        response = firstResponse;
        eTag = firstResponse.ETag;
        length = firstResponse.ContentLength;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var n = ReadAsync(rented.AsMemory(0, buffer.Length), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= length || buffer.IsEmpty)
        {
            return 0;
        }
        response ??= await client.GetObjectAsync(
            new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(position, length - 1), EtagToMatch = eTag },
            cancellationToken).ConfigureAwait(false);
        var n = await response.ResponseStream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n == 0)
        {
            throw new EndOfStreamException($"S3 object '{key}' ended at byte {position} of {length}.");
        }
        position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != position)
        {
            CloseBody();
            position = target;
        }
        return position;
    }

    public override void Flush()
    {
        // Read-only.
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseBody();
        }
        base.Dispose(disposing);
    }

    private void CloseBody()
    {
        response?.Dispose();
        response = null;
    }
}
