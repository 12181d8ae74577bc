namespace Labelport.Client.Tests.Server;

/// <summary>A connection dropped in the middle of a download is resumed with a Range request, and the bytes are the file's.</summary>
public sealed class ResumeTests(LabelportServerFixture server) : IClassFixture<LabelportServerFixture>
{
    private async Task<(ExportJob Job, byte[] Bytes)> ExportAsync()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "resume " + Guid.NewGuid());
        var job = await client.Exports.WaitAsync((await client.Exports.StartAsync(project.ProjectHash, new ExportRequest())).ExportHash, timeout: LabelportServerFixture.Patience);
        Assert.Equal(ExportStatus.Succeeded, job.Status);
        using var bytes = new MemoryStream();
        await client.Exports.DownloadAsync(job.ExportHash, bytes);
        Assert.True(bytes.Length > 60_000, "the export is large enough to be cut three times at 15 kB");
        return (job, bytes.ToArray());
    }

    [Fact]
    public async Task A_dropped_connection_is_resumed_from_the_last_byte()
    {
        var (job, expected) = await ExportAsync();
        await using var proxy = new CuttingProxy(server.Address, cutAfterBytes: 20_000, cuts: 1);
        using var viaProxy = new LabelportClient(new HttpClient(), new LabelportClientOptions { Server = proxy.Address, ApiKey = server.AdminApiKey });
        using var received = new MemoryStream();
        var download = await viaProxy.Exports.DownloadAsync(job.ExportHash, received);
        Assert.Equal(1, proxy.Cuts);
        Assert.Equal(1, download.Resumes);
        Assert.Equal(expected, received.ToArray());
        Assert.Equal(job.Sha256, download.Sha256);
        var requests = proxy.Requests;
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain("Range:", requests[0], StringComparison.OrdinalIgnoreCase);
        var resumed = requests[1];
        Assert.Contains("Range: bytes=", resumed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("If-Range: \"" + job.Sha256 + "\"", resumed, StringComparison.OrdinalIgnoreCase);
        var from = long.Parse(resumed[(resumed.IndexOf("bytes=", StringComparison.OrdinalIgnoreCase) + 6)..].Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(from, 1, 20_000); // the body bytes that got through before the cut
    }

    [Fact]
    public async Task A_file_download_that_is_cut_several_times_still_arrives_whole()
    {
        var (job, expected) = await ExportAsync();
        await using var proxy = new CuttingProxy(server.Address, cutAfterBytes: 15_000, cuts: 3);
        using var viaProxy = new LabelportClient(new HttpClient(), new LabelportClientOptions { Server = proxy.Address, ApiKey = server.AdminApiKey });
        var folder = Directory.CreateTempSubdirectory("labelport-sdk-resume-");
        try
        {
            var download = await viaProxy.Exports.DownloadToFileAsync(job.ExportHash, Path.Combine(folder.FullName, "export.json"));
            Assert.Equal(3, download.Resumes);
            Assert.Equal(expected, File.ReadAllBytes(download.Path!));
            Assert.Equal(["export.json"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_connection_that_always_drops_gives_up_after_the_allowed_resumes_and_leaves_no_file()
    {
        var (job, _) = await ExportAsync();
        await using var proxy = new CuttingProxy(server.Address, cutAfterBytes: 10_000, cuts: int.MaxValue);
        using var viaProxy = new LabelportClient(new HttpClient(), new LabelportClientOptions { Server = proxy.Address, ApiKey = server.AdminApiKey, MaxDownloadResumes = 2 });
        var folder = Directory.CreateTempSubdirectory("labelport-sdk-resume-");
        try
        {
            var error = await Assert.ThrowsAsync<IOException>(() => viaProxy.Exports.DownloadToFileAsync(job.ExportHash, folder.FullName));
            Assert.Contains("2 resumes", error.Message, StringComparison.Ordinal);
            Assert.Equal(3, proxy.Cuts);
            Assert.Empty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
