using System.Globalization;
using System.Text.Json.Nodes;
using Labelport.Server.Exports;
using Labelport.Storage.Records;
using Labelport.Storage.S3;
using Labelport.Tests.Shared;

namespace Labelport.Server.Tests.Exports;

/// <summary>Data links in exports: stable API links, signed media URLs with the request's TTL, stored links of external data.</summary>
public sealed class ExportDataLinkTests
{
    [Theory]
    [InlineData(false, ExportFormats.Json)]
    [InlineData(true, ExportFormats.Json)]
    [InlineData(false, ExportFormats.Coco)]
    [InlineData(true, ExportFormats.Coco)]
    public async Task Units_with_media_get_server_links_and_external_units_keep_theirs(bool signed, string format)
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var ontology = FixtureRows.Ontology("image_group");
        var row = FixtureRows.Load("image_group").Single();
        var project = await env.CreateProjectAsync(ontology);
        var units = row.DataUnits.Values.ToList();
        var hosted = units.Take(2).Select(u => u.DataHash).ToHashSet();
        await AddHostedMediaAsync(env, row.DataHash, units.Where(u => hosted.Contains(u.DataHash)).Select(u => u.DataHash).ToList());
        await env.ImportAsync(project, [row]);
        var request = new ExportRequest { Format = format, IncludeSignedUrls = signed, SignedUrlTtlSeconds = 3600 };

        var (outcome, job) = await env.ExportAsync(await env.QueueAsync(project, request));

        Assert.Equal(ExportRunOutcome.Succeeded, outcome);
        var links = LinksByUnit(await env.ReadFileAsync(job), format, units.Select(u => u.DataHash).ToList());
        var expires = DateTimeOffset.FromUnixTimeSeconds(job.StartedAt!.Value.ToUnixTimeSeconds()).AddSeconds(3600);
        foreach (var unit in units)
        {
            var link = links[unit.DataHash];
            if (!hosted.Contains(unit.DataHash))
            {
                Assert.Equal(unit.DataLink, link);
            }
            else if (!signed)
            {
                Assert.Equal($"http://127.0.0.1:5123/lp/api/data/{unit.DataHash}/media", link);
            }
            else if (env.Storage.Blobs is S3BlobStore)
            {
                // With S3 the bucket serves signed media itself: a presigned GET with the export's TTL.
                var uri = new Uri(link);
                Assert.Equal(TestServices.S3Endpoint.Authority, uri.Authority);
                Assert.EndsWith($"/media/{unit.DataHash}.png", uri.AbsolutePath, StringComparison.Ordinal);
                var lifetime = int.Parse(System.Web.HttpUtility.ParseQueryString(uri.Query)["X-Amz-Expires"]!, CultureInfo.InvariantCulture);
                Assert.InRange(lifetime, 3500, 3601);
                using var anonymous = new HttpClient();
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4e, 0x47 }, await anonymous.GetByteArrayAsync(uri));
            }
            else
            {
                var uri = new Uri(link);
                Assert.Equal($"http://127.0.0.1:5123/lp/media/{unit.DataHash}", uri.GetLeftPart(UriPartial.Path));
                var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
                Assert.Equal(expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), query["expires"]);
                Assert.True(env.Signer.TryVerify(unit.DataHash, query["expires"], query["signature"], DateTimeOffset.UtcNow));
                Assert.False(env.Signer.TryVerify(unit.DataHash, query["expires"], query["signature"], expires));
                Assert.False(env.Signer.TryVerify(units.First(u => u.DataHash != unit.DataHash).DataHash, query["expires"], query["signature"], DateTimeOffset.UtcNow));
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Units_of_data_the_project_does_not_hold_keep_the_rows_link(bool signed)
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var row = FixtureRows.Load("image_group").Single();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("image_group"));
        var units = row.DataUnits.Values.ToList();
        // Another dataset's item (never attached to the project) holds media under the row's unit hashes.
        await AddHostedMediaAsync(env, Guid.NewGuid().ToString(), units.Select(u => u.DataHash).ToList());
        await env.ImportAsync(project, [row]);
        var request = new ExportRequest { Format = ExportFormats.Json, IncludeSignedUrls = signed, SignedUrlTtlSeconds = 3600 };

        var (outcome, job) = await env.ExportAsync(await env.QueueAsync(project, request));

        Assert.Equal(ExportRunOutcome.Succeeded, outcome);
        var links = LinksByUnit(await env.ReadFileAsync(job), ExportFormats.Json, units.Select(u => u.DataHash).ToList());
        foreach (var unit in units)
        {
            Assert.Equal(unit.DataLink, links[unit.DataHash]);
        }
    }

    private static async Task AddHostedMediaAsync(ExportTestEnvironment env, string itemHash, IReadOnlyList<string> unitHashes)
    {
        var dataset = new DatasetRecord(Guid.NewGuid().ToString(), "Media", null, env.User.UserId, DateTimeOffset.UtcNow);
        await env.Storage.Projects.CreateDatasetAsync(dataset, CancellationToken.None);
        var units = new List<DataUnitRecord>();
        for (var i = 0; i < unitHashes.Count; i++)
        {
            var key = $"media/{unitHashes[i]}.png";
            await using (var upload = await env.Storage.Blobs.BeginUploadAsync(key, "image/png", CancellationToken.None))
            {
                await upload.Stream.WriteAsync(new byte[] { 0x89, 0x50, 0x4e, 0x47 });
                await upload.PublishAsync(CancellationToken.None);
            }
            units.Add(new DataUnitRecord(unitHashes[i], itemHash, $"image {i}", "image/png", 640, 480, null, null, 4, i, key, null));
        }
        await env.Storage.Projects.AddDataItemsAsync(
            [new DataItemRecord(itemHash, dataset.DatasetHash, "image group", "img_group", false, DateTimeOffset.UtcNow, units)],
            CancellationToken.None);
    }

    private static Dictionary<string, string> LinksByUnit(byte[] file, string format, IReadOnlyList<string> unitHashes)
    {
        var root = JsonNode.Parse(file)!;
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (format == ExportFormats.Json)
        {
            foreach (var (hash, unit) in root.AsArray().Single()!["data_units"]!.AsObject())
            {
                links[hash] = (string)unit!["data_link"]!;
            }
            return links;
        }
        // COCO images carry the unit's link in coco_url; the group's images come in unit order.
        var images = root["images"]!.AsArray();
        Assert.Equal(unitHashes.Count, images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            links[unitHashes[i]] = (string)images[i]!["coco_url"]!;
        }
        return links;
    }
}
