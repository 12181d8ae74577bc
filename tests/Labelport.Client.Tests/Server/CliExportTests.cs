using System.Net.Http.Headers;
using Labelport.Cli;
using Labelport.Tests.Shared;

namespace Labelport.Client.Tests.Server;

/// <summary><c>labelport export</c> and <c>labelport import</c>, run in-process against a real server.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class CliExportTests(LabelportServerFixture server) : IClassFixture<LabelportServerFixture>
{
    private string[] Connection => ["--server", server.Address.ToString(), "--api-key", server.AdminApiKey];

    /// <summary>The file as plain REST serves it: <c>GET /api/exports/{hash}/file</c> with the API key.</summary>
    private async Task<(string FileName, byte[] Bytes)> RestDownloadAsync(string exportHash)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/exports/" + exportHash + "/file");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.AdminApiKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("coco")]
    public async Task Export_into_a_folder_writes_the_servers_file_with_the_rest_downloads_bytes(string format)
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "cli " + format + " " + Guid.NewGuid());
        var folder = Directory.CreateTempSubdirectory("labelport-cli-export-");
        try
        {
            using var environment = EnvironmentCollection.Without();
            var result = await CliRunner.RunAsync(["export", .. Connection, "--project", project.ProjectHash, "--format", format, "--statuses", "LABEL_IN_PROGRESS", "--objects", Seed.BoxFeature + "," + Seed.PolygonFeature, "-o", folder.FullName]);
            Assert.True(result.ExitCode == 0, result.Error);
            var job = (await client.Exports.ListAsync(project.ProjectHash))[0];
            Assert.Equal(ExportStatus.Succeeded, job.Status);
            Assert.Equal(["LABEL_IN_PROGRESS"], job.Request!.LabelStatuses);
            Assert.Equal([Seed.BoxFeature, Seed.PolygonFeature], job.Request.ObjectFeatureHashes);
            var (fileName, rest) = await RestDownloadAsync(job.ExportHash);
            var written = Path.Combine(folder.FullName, fileName);
            Assert.Equal(job.FileName, fileName);
            Assert.Equal([fileName], folder.GetFiles().Select(f => f.Name));
            Assert.Equal(rest, File.ReadAllBytes(written));
            Assert.Equal(written, result.Output.Trim());
            // not a terminal: plain progress lines, the job's progress and the download
            Assert.Contains($"export {job.ExportHash}: succeeded", result.Error, StringComparison.Ordinal);
            Assert.Contains($"export {job.ExportHash}: 5/5 label rows", result.Error, StringComparison.Ordinal);
            Assert.Contains("sha256 " + job.Sha256, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Export_to_standard_output_and_from_the_environment()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "cli stdout " + Guid.NewGuid());
        using var environment = EnvironmentCollection.With(server.Address.ToString(), server.AdminApiKey);
        var result = await CliRunner.RunAsync("export", "--project", project.ProjectHash, "--format", "json", "--signed-urls", "--ttl", "2h", "-o", "-");
        Assert.True(result.ExitCode == 0, result.Error);
        var job = (await client.Exports.ListAsync(project.ProjectHash))[0];
        Assert.Equal(7200, job.Request!.SignedUrlTtlSeconds);
        Assert.True(job.Request.IncludeSignedUrls);
        Assert.Equal((await RestDownloadAsync(job.ExportHash)).Bytes, result.Stdout);
    }

    [Fact]
    public async Task A_rejected_export_exits_1_with_the_servers_problem_lines()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "cli bad " + Guid.NewGuid());
        using var environment = EnvironmentCollection.Without();
        var folder = Directory.CreateTempSubdirectory("labelport-cli-export-");
        try
        {
            var result = await CliRunner.RunAsync(["export", .. Connection, "--project", project.ProjectHash, "--format", "coco", "--objects", Seed.BoxFeature + ",nope", "-o", folder.FullName]);
            Assert.Equal(LabelportCli.Failed, result.ExitCode);
            Assert.Contains("error: 400", result.Error, StringComparison.Ordinal);
            Assert.Contains("$.objectFeatureHashes[1]: ", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.Empty(folder.GetFiles());

            var unknown = await CliRunner.RunAsync(["export", .. Connection, "--project", Guid.NewGuid().ToString(), "--format", "json", "-o", folder.FullName]);
            Assert.Equal(LabelportCli.Failed, unknown.ExitCode);
            Assert.Contains("error: 404", unknown.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Import_labels_and_media_from_the_command_line()
    {
        using var client = server.CreateClient();
        var project = await Seed.CreateProjectAsync(client, "cli import " + Guid.NewGuid());
        using var environment = EnvironmentCollection.Without();
        var labels = await CliRunner.RunAsync(["import", "labels", .. Connection, "--project", project.ProjectHash, Seed.LabelsPath]);
        Assert.True(labels.ExitCode == 0, labels.Error);
        var rows = await client.LabelRows.ListAsync(project.ProjectHash).ToListAsync();
        Assert.Equal(rows.Select(r => r.LabelHash).Order(), labels.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());

        var folder = Directory.CreateTempSubdirectory("labelport-cli-media-");
        try
        {
            var png = Path.Combine(folder.FullName, "frame.png");
            File.WriteAllBytes(png, Seed.Png(40, 30));
            var dataset = await client.Datasets.CreateAsync("cli media " + Guid.NewGuid());
            var media = await CliRunner.RunAsync(["import", "media", .. Connection, "--dataset", dataset.DatasetHash, "--attach", project.ProjectHash, png]);
            Assert.True(media.ExitCode == 0, media.Error);
            var item = Assert.Single(await client.Datasets.ListDataAsync(dataset.DatasetHash));
            Assert.Equal(item.DataHash + "\tframe.png", media.Output.Trim());
            Assert.Contains(await client.LabelRows.ListAsync(project.ProjectHash).ToListAsync(), r => r.DataHash == item.DataHash);

            var bad = Path.Combine(folder.FullName, "bad.json");
            File.WriteAllText(bad, File.ReadAllText(Seed.LabelsPath).Replace("\"ImO9dtQh\"", "\"XXXXXXXX\"", StringComparison.Ordinal));
            var rejected = await CliRunner.RunAsync(["import", "labels", .. Connection, "--project", project.ProjectHash, bad]);
            Assert.Equal(LabelportCli.Failed, rejected.ExitCode);
            Assert.Contains("error: 400", rejected.Error, StringComparison.Ordinal);
            Assert.Contains("$[", rejected.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
