using System.Security.Cryptography;
using Amazon.S3.Model;
using Labelport.Storage.S3;

namespace Labelport.Storage.Tests.S3;

public sealed class S3BlobStoreTests(S3Fixture fixture) : IClassFixture<S3Fixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private S3BlobStore Store => fixture.Store;

    [Fact]
    public async Task A_small_blob_is_invisible_until_published_then_reads_back()
    {
        var key = "exports/" + Guid.NewGuid().ToString("N") + ".json";
        var bytes = "[{\"label_hash\":\"abc\"}]"u8.ToArray();
        await using (var upload = await Store.BeginUploadAsync(key, "application/json", None))
        {
            await upload.Stream.WriteAsync(bytes, None);
            Assert.Null(await Store.GetLengthAsync(key, None));
            Assert.Null(await Store.OpenReadAsync(key, None));
            await upload.PublishAsync(None);
        }
        Assert.Equal(bytes.Length, await Store.GetLengthAsync(key, None));
        Assert.Equal(bytes, await ReadAllAsync(key));
        using var raw = fixture.CreateRawClient();
        var metadata = await raw.GetObjectMetadataAsync(fixture.Options.Bucket, key, None);
        Assert.Equal("application/json", metadata.Headers.ContentType);
    }

    [Fact]
    public async Task A_large_blob_goes_multipart_and_round_trips_byte_for_byte()
    {
        var key = "exports/" + Guid.NewGuid().ToString("N") + ".json";
        var bytes = RandomBytes((2 * S3BlobStoreOptions.MinimumPartSize) + 1_234_567, seed: 7);
        await using (var upload = await Store.BeginUploadAsync(key, "application/json", None))
        {
            // Odd-sized writes, async and sync, so part boundaries fall inside writes.
            var offset = 0;
            var chunk = 1;
            while (offset < bytes.Length)
            {
                var n = Math.Min(chunk, bytes.Length - offset);
                if (chunk % 2 == 0)
                {
                    upload.Stream.Write(bytes, offset, n);
                }
                else
                {
                    await upload.Stream.WriteAsync(bytes.AsMemory(offset, n), None);
                }
                offset += n;
                chunk = (chunk * 7) + 13;
            }
            await upload.PublishAsync(None);
        }
        Assert.Equal(bytes.Length, await Store.GetLengthAsync(key, None));
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await ReadAllAsync(key)));
        using var raw = fixture.CreateRawClient();
        var metadata = await raw.GetObjectMetadataAsync(fixture.Options.Bucket, key, None);
        Assert.EndsWith("-3\"", metadata.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_of_exactly_one_part_completes_as_multipart()
    {
        var key = "exports/" + Guid.NewGuid().ToString("N") + ".bin";
        var bytes = RandomBytes(S3BlobStoreOptions.MinimumPartSize, seed: 3);
        await using (var upload = await Store.BeginUploadAsync(key, "application/octet-stream", None))
        {
            await upload.Stream.WriteAsync(bytes, None);
            await upload.PublishAsync(None);
        }
        Assert.Equal(bytes, await ReadAllAsync(key));
    }

    [Fact]
    public async Task Disposing_without_publishing_leaves_neither_object_nor_multipart_upload()
    {
        var key = "exports/" + Guid.NewGuid().ToString("N") + ".json";
        await using (var upload = await Store.BeginUploadAsync(key, "application/json", None))
        {
            await upload.Stream.WriteAsync(RandomBytes(S3BlobStoreOptions.MinimumPartSize + 10, seed: 1), None);
            using var during = fixture.CreateRawClient();
            var inProgress = await during.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = fixture.Options.Bucket, Prefix = key }, None);
            Assert.Single(inProgress.MultipartUploads ?? []);
        }
        Assert.Null(await Store.GetLengthAsync(key, None));
        Assert.Null(await Store.OpenReadAsync(key, None));
        using var raw = fixture.CreateRawClient();
        var uploads = await raw.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = fixture.Options.Bucket, Prefix = key }, None);
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [Fact]
    public async Task Publishing_twice_or_writing_after_publish_is_refused()
    {
        var key = "media/" + Guid.NewGuid().ToString("N");
        await using var upload = await Store.BeginUploadAsync(key, "image/png", None);
        await upload.Stream.WriteAsync(new byte[] { 1, 2, 3 }, None);
        await upload.PublishAsync(None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => upload.PublishAsync(None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => upload.Stream.WriteAsync(new byte[] { 4 }, None).AsTask());
        Assert.Equal([1, 2, 3], await ReadAllAsync(key));
    }

    [Fact]
    public async Task The_read_stream_seeks_like_a_range_request()
    {
        var key = "media/" + Guid.NewGuid().ToString("N");
        var bytes = RandomBytes(300_000, seed: 11);
        await PutAsync(key, bytes);
        await using var stream = await Store.OpenReadAsync(key, None);
        Assert.NotNull(stream);
        Assert.True(stream.CanSeek);
        Assert.Equal(bytes.Length, stream.Length);
        var head = new byte[10];
        await stream.ReadExactlyAsync(head, None);
        Assert.Equal(bytes[..10], head);
        stream.Seek(250_000, SeekOrigin.Begin);
        var middle = new byte[1000];
        await stream.ReadExactlyAsync(middle, None);
        Assert.Equal(bytes[250_000..251_000], middle);
        stream.Position = 5;
        var again = new byte[20];
        stream.ReadExactly(again);
        Assert.Equal(bytes[5..25], again);
        stream.Seek(-3, SeekOrigin.End);
        var tail = new byte[10];
        Assert.Equal(3, await stream.ReadAtLeastAsync(tail, 3, throwOnEndOfStream: false, None));
        Assert.Equal(bytes[^3..], tail[..3]);
        Assert.Equal(0, await stream.ReadAsync(tail, None));
    }

    [Fact]
    public async Task A_presigned_url_downloads_the_blob_without_credentials()
    {
        var key = "media/" + Guid.NewGuid().ToString("N") + ".png";
        var bytes = RandomBytes(4096, seed: 5);
        await PutAsync(key, bytes);
        var url = Store.TryGetPresignedUrl(key, TimeSpan.FromMinutes(5));
        Assert.NotNull(url);
        Assert.Equal(fixture.Options.ServiceUrl.Authority, url.Authority);
        // The SDK signs at its own clock and rounds the remaining seconds, so allow a second either way.
        var expires = System.Web.HttpUtility.ParseQueryString(url.Query)["X-Amz-Expires"];
        Assert.InRange(int.Parse(expires!, System.Globalization.CultureInfo.InvariantCulture), 299, 301);
        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(url, None));
    }

    [Fact]
    public async Task A_presigned_url_longer_than_sigv4_allows_is_not_handed_out()
    {
        var key = "media/" + Guid.NewGuid().ToString("N") + ".png";
        var bytes = RandomBytes(64, seed: 7);
        await PutAsync(key, bytes);

        Assert.Null(Store.TryGetPresignedUrl(key, TimeSpan.FromDays(10)));
        Assert.Null(Store.TryGetPresignedUrl(key, TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1)), "export.json"));
        var hour = Store.TryGetPresignedUrl(key, TimeSpan.FromHours(1));
        Assert.NotNull(hour);
        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(hour, None));
    }

    [Fact]
    public async Task A_presigned_download_url_names_the_attachment()
    {
        var key = "exports/p1/" + Guid.NewGuid().ToString("N") + "_1.json";
        await PutAsync(key, "[]"u8.ToArray());
        var url = Store.TryGetPresignedUrl(key, TimeSpan.FromMinutes(5), "p1_2026-03-01_12-00-00.json");
        Assert.NotNull(url);
        // S3 answers with the signed response-content-disposition (moto ignores it, so check what is signed).
        var disposition = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(
            System.Web.HttpUtility.ParseQueryString(url.Query)["response-content-disposition"]!);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("p1_2026-03-01_12-00-00.json", disposition.FileName?.Trim('"'));
        using var http = new HttpClient();
        Assert.Equal("[]", await http.GetStringAsync(url, None));
    }

    [Fact]
    public async Task Missing_keys_read_as_absent_and_delete_removes()
    {
        var key = "media/" + Guid.NewGuid().ToString("N");
        Assert.Null(await Store.OpenReadAsync(key, None));
        Assert.Null(await Store.GetLengthAsync(key, None));
        await Store.DeleteAsync(key, None);
        await PutAsync(key, [9, 9]);
        Assert.Equal(2, await Store.GetLengthAsync(key, None));
        await Store.DeleteAsync(key, None);
        Assert.Null(await Store.GetLengthAsync(key, None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("media/../secret")]
    [InlineData("media//x")]
    [InlineData("media\\x")]
    public async Task Keys_that_are_not_plain_relative_paths_are_bugs(string key)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.BeginUploadAsync(key, "text/plain", None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.OpenReadAsync(key, None));
    }

    [Fact]
    public async Task Opening_a_missing_bucket_without_create_fails_with_its_name()
    {
        var options = fixture.Options with { Bucket = "lp-missing-" + Guid.NewGuid().ToString("N")[..16], CreateBucket = false };
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => S3BlobStore.OpenAsync(options, TimeProvider.System, None));
        Assert.Contains(options.Bucket, e.Message, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private async Task PutAsync(string key, byte[] bytes)
    {
        await using var upload = await Store.BeginUploadAsync(key, "application/octet-stream", None);
        await upload.Stream.WriteAsync(bytes, None);
        await upload.PublishAsync(None);
    }

    private async Task<byte[]> ReadAllAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key, None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, None);
        return copy.ToArray();
    }
}
