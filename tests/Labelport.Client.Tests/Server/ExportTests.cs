using System.Security.Cryptography;
using Labelport.Core.Model;

namespace Labelport.Client.Tests.Server;

/// <summary>Exports through the SDK: start with filters, wait with progress, download (stream and file), read the rows, history.</summary>
public sealed class ExportTests(LabelportServerFixture server) : IClassFixture<LabelportServerFixture>
{
    [Fact]
    public async Task An_export_with_filters_is_waited_for_downloaded_and_read_as_label_rows()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "export " + Guid.NewGuid());
        var request = new ExportRequest
        {
            Format = ExportFormat.Json,
            LabelStatuses = ["LABEL_IN_PROGRESS"],
            ObjectFeatureHashes = [Seed.BitmaskFeature, Seed.BoxFeature],
        };
        var job = await client.Exports.StartAsync(project.ProjectHash, request);
        Assert.Equal(project.ProjectHash, job.ProjectHash);
        Assert.StartsWith(project.ProjectHash + "_", job.FileName, StringComparison.Ordinal);
        Assert.Equal(request.ObjectFeatureHashes, job.Request!.ObjectFeatureHashes);

        var reports = new List<ExportProgress>();
        var done = await client.Exports.WaitAsync(job.ExportHash, new SynchronousProgress<ExportProgress>(reports.Add), LabelportServerFixture.Patience);
        Assert.Equal(ExportStatus.Succeeded, done.Status);
        Assert.Equal(new ExportProgress(5, 5), done.Progress);
        Assert.Equal(done.Progress, reports[^1]);
        Assert.True(done.IsFinished);

        using var bytes = new MemoryStream();
        var downloads = new List<DownloadProgress>();
        var download = await client.Exports.DownloadAsync(job.ExportHash, bytes, new SynchronousProgress<DownloadProgress>(downloads.Add));
        Assert.Equal(done.FileName, download.FileName);
        Assert.Equal(done.Size, download.Size);
        Assert.Equal(done.Sha256, download.Sha256);
        Assert.Equal(done.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
        Assert.Equal(0, download.Resumes);
        Assert.Equal(new DownloadProgress(bytes.Length, bytes.Length), downloads[^1]);

        bytes.Position = 0;
        var rows = new List<LabelRow>();
        await foreach (var row in ExportFile.ReadLabelRowsAsync(bytes))
        {
            rows.Add(row);
        }
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("LABEL_IN_PROGRESS", r.LabelStatusName));
        Assert.All(rows, r => Assert.Equal(job.ExportHash, r.ExportHash));
        var shapes = rows.SelectMany(r => r.EnumerateObjects()).Select(o => o.Object.FeatureHash).Distinct().Order();
        Assert.Equal(new[] { Seed.BoxFeature, Seed.BitmaskFeature }.Order(), shapes);

        // Decode one bitmask of the export: the mask covers as many pixels as its COCO RLE says.
        var (unit, _, instance) = rows.SelectMany(r => r.EnumerateObjects()).First(o => o.Object.Geometry is BitmaskGeometry);
        var mask = instance.ToByteMask(unit);
        Assert.Equal(unit.Width!.Value * unit.Height!.Value, mask.Length);
        Assert.Equal(((BitmaskGeometry)instance.Geometry!).ToCocoRle().Area, (uint)mask.Count(b => b != 0));
        Assert.Contains(mask, b => b != 0);

        var history = await client.Exports.ListAsync(project.ProjectHash);
        Assert.Equal(job.ExportHash, history[0].ExportHash);
        Assert.Equal(ExportStatus.Succeeded, history[0].Status);
    }

    [Fact]
    public async Task A_coco_export_downloads_to_a_folder_under_the_servers_file_name()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "coco " + Guid.NewGuid());
        var job = await client.Exports.StartAsync(project.ProjectHash, new ExportRequest { Format = ExportFormat.Coco });
        Assert.EndsWith("_coco.json", job.FileName, StringComparison.Ordinal);
        job = await client.Exports.WaitAsync(job.ExportHash, timeout: LabelportServerFixture.Patience);
        Assert.Equal(ExportStatus.Succeeded, job.Status);
        var folder = Directory.CreateTempSubdirectory("labelport-sdk-coco-");
        try
        {
            var download = await client.Exports.DownloadToFileAsync(job.ExportHash, folder.FullName);
            Assert.Equal(Path.Combine(folder.FullName, job.FileName!), download.Path);
            Assert.Equal([job.FileName], folder.GetFiles().Select(f => f.Name));
            Assert.Equal(job.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(download.Path!))));

            // A file path is used as it is, and replaced.
            var named = Path.Combine(folder.FullName, "mine.json");
            File.WriteAllText(named, "old");
            var again = await client.Exports.DownloadToFileAsync(job.ExportHash, named);
            Assert.Equal(named, again.Path);
            Assert.Equal(job.Size, new FileInfo(named).Length);
            Assert.Equal(2, folder.GetFiles().Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Signed_urls_become_the_data_links_of_the_export()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "signed " + Guid.NewGuid());
        var job = await client.Exports.StartAsync(project.ProjectHash, new ExportRequest { IncludeSignedUrls = true, SignedUrlTtlSeconds = 3600, LabelStatuses = ["LABELLED"] });
        Assert.True(job.Request!.IncludeSignedUrls);
        Assert.Equal(3600, job.Request.SignedUrlTtlSeconds);
        job = await client.Exports.WaitAsync(job.ExportHash, timeout: LabelportServerFixture.Patience);
        Assert.Equal(ExportStatus.Succeeded, job.Status);
        using var bytes = new MemoryStream();
        await client.Exports.DownloadAsync(job.ExportHash, bytes);
        bytes.Position = 0;
        var row = Assert.Single(ExportFile.ReadLabelRows(bytes));
        Assert.Equal("LABELLED", row.LabelStatusName);
    }
}
