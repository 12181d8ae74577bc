using System.Net;
using Labelport.Core.Model;

namespace Labelport.Client.Tests.Server;

/// <summary>Every call of <see cref="LabelportClient"/> against a real server (Kestrel on 127.0.0.1, SQLite in a temp folder).</summary>
public sealed class ClientCallTests(LabelportServerFixture server) : IClassFixture<LabelportServerFixture>
{
    [Fact]
    public async Task Me_is_the_owner_of_the_api_key()
    {
        using var client = server.CreateClient();
        var me = await client.GetMeAsync();
        Assert.True(me.IsSystemAdmin);
        Assert.False(string.IsNullOrEmpty(me.Email));
    }

    [Fact]
    public async Task Projects_are_created_listed_and_read_with_their_ontology()
    {
        using var client = server.CreateClient();
        var created = await Seed.CreateProjectAsync(client, "projects " + Guid.NewGuid());
        var bare = await client.Projects.CreateAsync(new CreateProjectRequest("no description", Seed.Ontology()));
        Assert.Null(bare.Description);
        Assert.Equal("admin", created.Role);
        Assert.Contains(await client.Projects.ListAsync(), p => p.ProjectHash == created.ProjectHash && p.Ontology is null);
        var read = await client.Projects.GetAsync(created.ProjectHash);
        Assert.Equal(created.Title, read.Title);
        Assert.Equal("SDK test", read.Description);
        Assert.NotNull(read.Ontology);
        var ontology = await client.Projects.GetOntologyAsync(created.ProjectHash);
        Assert.Equal(7, ontology.Objects.Count);
        Assert.True(ontology.TryGetObject(Seed.BitmaskFeature, out _));
    }

    [Fact]
    public async Task Media_is_uploaded_listed_downloaded_and_attached()
    {
        using var client = server.CreateClient();
        var dataset = await client.Datasets.CreateAsync("media " + Guid.NewGuid(), "PNGs");
        var read = await client.Datasets.GetAsync(dataset.DatasetHash);
        Assert.Equal((dataset.DatasetHash, dataset.Title, dataset.Description), (read.DatasetHash, read.Title, read.Description));
        Assert.InRange(read.CreatedAt - dataset.CreatedAt, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
        Assert.Contains(await client.Datasets.ListAsync(), d => d.DatasetHash == dataset.DatasetHash);

        var first = Seed.Png(64, 48);
        var second = Seed.Png(32, 16);
        var singles = await client.Datasets.UploadAsync(dataset.DatasetHash, [new MediaFile("a.png", new MemoryStream(first), "image/png"), new MediaFile("b.png", new MemoryStream(second), "image/png")]);
        Assert.Equal(2, singles.Count);
        Assert.Equal([(64, 48), (32, 16)], singles.Select(i => (i.Units[0].Width!.Value, i.Units[0].Height!.Value)));

        var folder = Directory.CreateTempSubdirectory("labelport-sdk-media-");
        try
        {
            var paths = new[] { Path.Combine(folder.FullName, "1.png"), Path.Combine(folder.FullName, "2.png") };
            File.WriteAllBytes(paths[0], first);
            File.WriteAllBytes(paths[1], second);
            var group = await client.Datasets.UploadFilesAsync(dataset.DatasetHash, paths, new MediaUploadOptions { Kind = MediaKind.ImageGroup, Title = "group" });
            var item = Assert.Single(group);
            Assert.Equal("img_group", item.DataType);
            Assert.Equal("group", item.Title);
            Assert.Equal(["1.png", "2.png"], item.Units.Select(u => u.Title));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var data = await client.Datasets.ListDataAsync(dataset.DatasetHash);
        Assert.Equal(3, data.Count);
        using var media = new MemoryStream();
        var type = await client.Datasets.DownloadMediaAsync(singles[0].Units[0].DataHash, media);
        Assert.Equal("image/png", type);
        Assert.Equal(first, media.ToArray());

        var project = await Seed.CreateProjectAsync(client, "attach " + Guid.NewGuid());
        await client.Projects.AttachDatasetAsync(project.ProjectHash, dataset.DatasetHash);
        Assert.Contains(await client.Projects.ListDatasetsAsync(project.ProjectHash), d => d.DatasetHash == dataset.DatasetHash);
        var rows = await client.LabelRows.ListAsync(project.ProjectHash).ToListAsync();
        Assert.Equal(data.Select(d => d.DataHash).Order(), rows.Select(r => r.DataHash).Order());
        Assert.All(rows, r => Assert.Equal("NOT_LABELLED", r.LabelStatus));
    }

    [Fact]
    public async Task Media_that_is_not_an_allowed_type_is_refused_with_415()
    {
        using var client = server.CreateClient();
        var dataset = await client.Datasets.CreateAsync("bad media " + Guid.NewGuid());
        var error = await Assert.ThrowsAsync<LabelportApiException>(() => client.Datasets.UploadAsync(dataset.DatasetHash, [new MediaFile("x.png", new MemoryStream("not a png"u8.ToArray()), "image/png")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.StatusCode);
    }

    [Fact]
    public async Task Label_rows_are_imported_listed_with_filters_and_paged()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "rows " + Guid.NewGuid());
        var all = await client.LabelRows.ListAsync(project.ProjectHash).ToListAsync();
        Assert.Equal(6, all.Count);

        var paged = await client.LabelRows.ListAsync(project.ProjectHash, new LabelRowQuery { PageSize = 2 }).ToListAsync();
        Assert.Equal(all.Select(r => r.LabelHash), paged.Select(r => r.LabelHash));

        var labelled = await client.LabelRows.ListAsync(project.ProjectHash, new LabelRowQuery { LabelStatuses = ["LABELLED"] }).ToListAsync();
        Assert.Equal(all.Where(r => r.LabelStatus == "LABELLED").Select(r => r.LabelHash), labelled.Select(r => r.LabelHash));
        Assert.Single(labelled);

        string[] two = [all[0].DataHash, all[3].DataHash];
        var byData = await client.LabelRows.ListAsync(project.ProjectHash, new LabelRowQuery { DataHashes = two }).ToListAsync();
        Assert.Equal(two.Order(), byData.Select(r => r.DataHash).Order());

        var times = all.Select(r => r.LastEditedAt!.Value).Distinct().Order().ToList();
        var cut = times.Count > 1 ? times[0] + ((times[^1] - times[0]) / 2) : times[0] - TimeSpan.FromSeconds(1);
        var after = await client.LabelRows.ListAsync(project.ProjectHash, new LabelRowQuery { EditedAfter = cut }).ToListAsync();
        var before = await client.LabelRows.ListAsync(project.ProjectHash, new LabelRowQuery { EditedBefore = cut }).ToListAsync();
        Assert.Equal(all.Where(r => r.LastEditedAt >= cut).Select(r => r.LabelHash).Order(), after.Select(r => r.LabelHash).Order());
        Assert.Equal(all.Where(r => r.LastEditedAt < cut).Select(r => r.LabelHash).Order(), before.Select(r => r.LabelHash).Order());
        var image = await client.LabelRows.ListAsync(project.ProjectHash, new LabelRowQuery { LabelStatuses = ["LABEL_IN_PROGRESS"], DataHashes = [.. all.Select(r => r.DataHash)], PageSize = 1 }).ToListAsync();
        Assert.Equal(5, image.Count);
    }

    [Fact]
    public async Task A_label_row_is_read_updated_and_its_status_set()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "row " + Guid.NewGuid());
        var summary = (await client.LabelRows.ListAsync(project.ProjectHash).ToListAsync()).Single(r => r.DataType == "image");
        var row = await client.LabelRows.GetAsync(project.ProjectHash, summary.LabelHash);
        Assert.Equal(summary.DataHash, row.DataHash);
        var objects = row.EnumerateObjects().Count();
        Assert.Equal(summary.ObjectCount, objects);

        var unit = row.DataUnits.Values.Single();
        unit.Frames[0].Objects.RemoveAll(o => o.Shape != ShapeKind.BoundingBox);
        var updated = await client.LabelRows.UpdateAsync(project.ProjectHash, summary.LabelHash, row);
        Assert.Equal(1, updated.ObjectCount);
        Assert.Equal(ShapeKind.BoundingBox, (await client.LabelRows.GetAsync(project.ProjectHash, summary.LabelHash)).EnumerateObjects().Single().Object.Shape);

        var reviewed = await client.LabelRows.SetStatusAsync(project.ProjectHash, summary.LabelHash, "REVIEWED");
        Assert.Equal("REVIEWED", reviewed.LabelStatus);
        var found = await client.LabelRows.ListAsync(project.ProjectHash, new LabelRowQuery { LabelStatuses = ["REVIEWED"] }).ToListAsync();
        Assert.Equal(summary.LabelHash, Assert.Single(found).LabelHash);
    }

    [Fact]
    public async Task Label_rows_of_the_core_model_are_imported()
    {
        using var client = server.CreateClient();
        var project = await Seed.CreateProjectAsync(client, "model import " + Guid.NewGuid());
        await using var file = File.OpenRead(Seed.LabelsPath);
        var rows = ExportFile.ReadLabelRows(file).Take(3).ToList();
        var result = await client.LabelRows.ImportAsync(project.ProjectHash, rows);
        Assert.Equal(3, result.Imported);
        Assert.Equal(rows.Select(r => r.LabelHash), result.LabelHashes);
        Assert.Equal(3, await client.LabelRows.ListAsync(project.ProjectHash).CountAsync());
    }
}
