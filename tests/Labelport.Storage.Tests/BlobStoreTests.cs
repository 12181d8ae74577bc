using System.Text;

namespace Labelport.Storage.Tests;

public abstract class BlobStoreTests(StoreFixture fixture)
{
    [Fact]
    public async Task A_blob_is_invisible_until_published_and_then_readable_seekably()
    {
        await using var storage = await fixture.OpenAsync();
        var key = $"exports/{TestData.NewHash()}/export.json";
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[{\"label_hash\":\"x\"}]", 5000)));

        await using (var upload = await storage.Blobs.BeginUploadAsync(key, "application/json", default))
        {
            await upload.Stream.WriteAsync(content.AsMemory(0, 1000));
            await upload.Stream.FlushAsync();
            Assert.Null(await storage.Blobs.OpenReadAsync(key, default));
            Assert.Null(await storage.Blobs.GetLengthAsync(key, default));
            await upload.Stream.WriteAsync(content.AsMemory(1000));
            await upload.PublishAsync(default);
        }

        Assert.Equal(content.Length, await storage.Blobs.GetLengthAsync(key, default));
        await using var read = await storage.Blobs.OpenReadAsync(key, default);
        Assert.NotNull(read);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
        if (read.CanSeek)
        {
            read.Seek(10, SeekOrigin.Begin);
            var part = new byte[5];
            await read.ReadExactlyAsync(part);
            Assert.Equal(content.AsSpan(10, 5).ToArray(), part);
        }
    }

    [Fact]
    public async Task An_upload_disposed_without_publishing_leaves_nothing()
    {
        await using var storage = await fixture.OpenAsync();
        var key = $"media/{TestData.NewHash()}";

        await using (var upload = await storage.Blobs.BeginUploadAsync(key, "image/png", default))
        {
            await upload.Stream.WriteAsync(new byte[4096]);
        }

        Assert.Null(await storage.Blobs.OpenReadAsync(key, default));
        Assert.Null(await storage.Blobs.GetLengthAsync(key, default));
    }

    [Fact]
    public async Task Publishing_again_replaces_the_blob_and_delete_removes_it()
    {
        await using var storage = await fixture.OpenAsync();
        var key = $"media/{TestData.NewHash()}";
        await WriteAsync(storage, key, "first version");
        await WriteAsync(storage, key, "v2");

        Assert.Equal("v2", await ReadTextAsync(storage, key));
        await storage.Blobs.DeleteAsync(key, default);
        Assert.Null(await storage.Blobs.OpenReadAsync(key, default));
        await storage.Blobs.DeleteAsync(key, default);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("media/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("media//x")]
    [InlineData("media/./x")]
    [InlineData("media/")]
    [InlineData("")]
    [InlineData("Media/X.png")]
    [InlineData("media\\x")]
    [InlineData(".tmp/x")]
    [InlineData("media/x y")]
    [InlineData("media/%2e%2e")]
    public async Task Keys_that_could_leave_the_store_or_are_malformed_are_refused(string key)
    {
        await using var storage = await fixture.OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => storage.Blobs.BeginUploadAsync(key, "text/plain", default));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.Blobs.OpenReadAsync(key, default));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.Blobs.GetLengthAsync(key, default));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.Blobs.DeleteAsync(key, default));
    }

    internal static async Task WriteAsync(LabelportStorage storage, string key, string text)
    {
        await using var upload = await storage.Blobs.BeginUploadAsync(key, "text/plain", default);
        await upload.Stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await upload.PublishAsync(default);
    }

    private static async Task<string> ReadTextAsync(LabelportStorage storage, string key)
    {
        await using var stream = await storage.Blobs.OpenReadAsync(key, default);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
