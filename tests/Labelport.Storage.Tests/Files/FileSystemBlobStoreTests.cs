using Labelport.Storage.Files;

namespace Labelport.Storage.Tests.Files;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "labelport-blobs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Upload_writes_under_tmp_and_publish_moves_the_whole_file_into_place()
    {
        var store = new FileSystemBlobStore(_root);
        var target = Path.Combine(_root, "exports", "p1", "e1.json");

        await using (var upload = await store.BeginUploadAsync("exports/p1/e1.json", "application/json", default))
        {
            await upload.Stream.WriteAsync(new byte[100_000]);
            await upload.Stream.FlushAsync();
            var temporary = Assert.Single(Directory.GetFiles(Path.Combine(_root, ".tmp")));
            Assert.Equal(100_000, new FileInfo(temporary).Length);
            Assert.False(File.Exists(target));
            Assert.False(Directory.Exists(Path.Combine(_root, "exports")));

            await upload.PublishAsync(default);

            Assert.Equal(100_000, new FileInfo(target).Length);
            Assert.Empty(Directory.GetFiles(Path.Combine(_root, ".tmp")));
            await Assert.ThrowsAsync<InvalidOperationException>(() => upload.PublishAsync(default));
        }
        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task Discarded_upload_deletes_its_temporary_file_and_creates_no_folder()
    {
        var store = new FileSystemBlobStore(_root);

        await using (var upload = await store.BeginUploadAsync("media/a/b/c.png", "image/png", default))
        {
            await upload.Stream.WriteAsync(new byte[10]);
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(_root, ".tmp")));
        Assert.False(Directory.Exists(Path.Combine(_root, "media")));
    }

    [Fact]
    public async Task Read_stream_is_seekable_shares_reads_and_missing_blobs_are_null()
    {
        var store = new FileSystemBlobStore(_root);
        await using (var upload = await store.BeginUploadAsync("media/x.bin", "application/octet-stream", default))
        {
            await upload.Stream.WriteAsync(new byte[] { 1, 2, 3, 4, 5 });
            await upload.PublishAsync(default);
        }

        await using var first = await store.OpenReadAsync("media/x.bin", default);
        await using var second = await store.OpenReadAsync("media/x.bin", default);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.True(first.CanSeek);
        first.Position = 3;
        Assert.Equal(4, first.ReadByte());
        Assert.Equal(1, second.ReadByte());
        Assert.Null(await store.OpenReadAsync("media/missing.bin", default));
        Assert.Null(await store.OpenReadAsync("nowhere/missing.bin", default));
        Assert.Null(await store.OpenReadAsync("media", default));
        Assert.Null(await store.GetLengthAsync("media", default));
        await store.DeleteAsync("media", default);
        Assert.True(File.Exists(Path.Combine(_root, "media", "x.bin")));
        Assert.Null(store.TryGetPresignedUrl("media/x.bin", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Republishing_swaps_the_file_atomically_so_an_open_reader_keeps_the_old_content()
    {
        var store = new FileSystemBlobStore(_root);
        var v1 = Enumerable.Repeat((byte)1, 200_000).ToArray();
        var v2 = Enumerable.Repeat((byte)2, 100_000).ToArray();
        await PublishAsync(store, "exports/e.json", v1);
        await using var oldReader = await store.OpenReadAsync("exports/e.json", default);

        await using (var upload = await store.BeginUploadAsync("exports/e.json", "application/json", default))
        {
            await upload.Stream.WriteAsync(v2.AsMemory(0, 50_000));
            await upload.Stream.FlushAsync();
            Assert.Equal(v1.Length, await store.GetLengthAsync("exports/e.json", default));
            await upload.Stream.WriteAsync(v2.AsMemory(50_000));
            await upload.PublishAsync(default);
        }

        Assert.Equal(v1, await ReadAllAsync(oldReader!));
        await using var newReader = await store.OpenReadAsync("exports/e.json", default);
        Assert.Equal(v2, await ReadAllAsync(newReader!));
    }

    private static async Task PublishAsync(FileSystemBlobStore store, string key, byte[] content)
    {
        await using var upload = await store.BeginUploadAsync(key, "application/octet-stream", default);
        await upload.Stream.WriteAsync(content);
        await upload.PublishAsync(default);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Theory]
    [InlineData("media/a.png", true)]
    [InlineData("exports/p-1/e_2.v1.json", true)]
    [InlineData("a", true)]
    [InlineData("a..b", true)]
    [InlineData("..", false)]
    [InlineData("a/..", false)]
    [InlineData("a/.hidden", false)]
    [InlineData("/a", false)]
    [InlineData("a/", false)]
    [InlineData("a//b", false)]
    [InlineData("A", false)]
    [InlineData("a\u00e9", false)]
    [InlineData("a\0b", false)]
    [InlineData(null, false)]
    public void Key_shape_is_checked(string? key, bool valid) => Assert.Equal(valid, BlobKeys.IsValid(key));

    [Fact]
    public void Over_long_keys_are_refused()
    {
        Assert.True(BlobKeys.IsValid(new string('a', 1024)));
        Assert.False(BlobKeys.IsValid(new string('a', 1025)));
        Assert.Throws<ArgumentException>(() => new FileSystemBlobStore(_root).ResolvePath("media/../x"));
    }
}
