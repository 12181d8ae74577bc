using Labelport.Core.Encord;
using Labelport.Storage.Records;

namespace Labelport.Storage.Tests;

public abstract class AttachDatasetTests(StoreFixture fixture)
{
    [Fact]
    public async Task Attaching_creates_a_not_labelled_row_for_each_item_without_one()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, project) = await TestData.CreateProjectAsync(storage);
        var dataset = new DatasetRecord(TestData.NewHash(), "street scenes", null, owner.UserId, TestData.T0);
        await storage.Projects.CreateDatasetAsync(dataset, default);
        var image = TestData.ImageItem(dataset.DatasetHash, "a.png");
        var group = TestData.GroupItem(dataset.DatasetHash, "b-group", 2);
        var video = TestData.VideoItem(dataset.DatasetHash, "c.mp4");
        var labelled = TestData.ImageItem(dataset.DatasetHash, "d.png");
        await storage.Projects.AddDataItemsAsync([image, group, video, labelled], default);
        var existingRow = TestData.Row(project.ProjectHash, "d.png", "REVIEWED", dataHash: labelled.DataHash);
        await storage.LabelRows.ImportAsync(project.ProjectHash, [existingRow], [], default);
        var now = TestData.T0.AddDays(2);

        await storage.Projects.AttachDatasetAsync(project.ProjectHash, dataset.DatasetHash, now, default);

        var rows = await storage.LabelRows.ListAsync(new LabelRowQuery(project.ProjectHash), default);
        Assert.Equal(["a.png", "b-group", "c.mp4", "d.png"], rows.Select(r => r.DataTitle));
        Assert.Equal([image.DataHash, group.DataHash, video.DataHash, labelled.DataHash], rows.Select(r => r.DataHash));
        Assert.Equal(["NOT_LABELLED", "NOT_LABELLED", "NOT_LABELLED", "REVIEWED"], rows.Select(r => r.LabelStatus));
        Assert.Equal(existingRow.LabelHash, rows[3].LabelHash);
        foreach (var row in rows.Take(3))
        {
            Assert.Equal(now, row.CreatedAt);
            Assert.Equal(now, row.LastEditedAt);
            Assert.Equal(dataset.DatasetHash, row.DatasetHash);
            Assert.Equal(0, row.ObjectCount);
        }
        Assert.Equal(["image", "img_group", "video"], rows.Take(3).Select(r => r.DataType));
        Assert.Equal([dataset], await storage.Projects.ListProjectDatasetsAsync(project.ProjectHash, default));
    }

    [Fact]
    public async Task Created_rows_are_valid_encord_json_with_every_data_unit()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, project) = await TestData.CreateProjectAsync(storage);
        var dataset = new DatasetRecord(TestData.NewHash(), "groups", null, owner.UserId, TestData.T0);
        await storage.Projects.CreateDatasetAsync(dataset, default);
        var group = TestData.GroupItem(dataset.DatasetHash, "group", 3);
        var video = TestData.VideoItem(dataset.DatasetHash, "video.mp4");
        await storage.Projects.AddDataItemsAsync([group, video], default);

        await storage.Projects.AttachDatasetAsync(project.ProjectHash, dataset.DatasetHash, TestData.T0, default);

        var summaries = await storage.LabelRows.ListAsync(new LabelRowQuery(project.ProjectHash), default);
        var groupRow = await storage.LabelRows.FindAsync(project.ProjectHash, summaries[0].LabelHash, default);
        Assert.NotNull(groupRow);
        var parsed = LabelRowReader.ParseRow(System.Text.Encoding.UTF8.GetString(groupRow.Json));
        Assert.Equal(groupRow.LabelHash, parsed.LabelHash);
        Assert.Equal(group.DataHash, parsed.DataHash);
        Assert.Equal("groups", parsed.DatasetTitle);
        Assert.Equal("NOT_LABELLED", parsed.LabelStatusName);
        Assert.Equal(group.Units.OrderBy(u => u.DataHash).Select(u => u.DataHash), parsed.DataUnits.Keys.Order());
        var unit = parsed.DataUnits[group.Units[0].DataHash];
        Assert.Equal(group.Units[0].Width, unit.Width);
        Assert.Equal(group.Units[0].Sequence, unit.DataSequence);
        Assert.Empty(parsed.EnumerateObjects());

        var videoRow = await storage.LabelRows.FindAsync(project.ProjectHash, summaries[1].LabelHash, default);
        var parsedVideo = LabelRowReader.ParseRow(System.Text.Encoding.UTF8.GetString(videoRow!.Json));
        Assert.Equal(29.97, parsedVideo.DataUnits[video.DataHash].DataFps);
        Assert.Equal("video", parsedVideo.DataType);
    }

    [Fact]
    public async Task Attaching_twice_or_to_two_projects_gives_one_row_per_item_and_project()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, first) = await TestData.CreateProjectAsync(storage);
        var second = TestData.Project();
        await storage.Projects.CreateProjectAsync(second, owner.UserId, default);
        var dataset = new DatasetRecord(TestData.NewHash(), "shared", null, owner.UserId, TestData.T0);
        await storage.Projects.CreateDatasetAsync(dataset, default);
        var items = Enumerable.Range(0, 7).Select(i => TestData.ImageItem(dataset.DatasetHash, $"img-{i}.png")).ToList();
        await storage.Projects.AddDataItemsAsync(items, default);

        await storage.Projects.AttachDatasetAsync(first.ProjectHash, dataset.DatasetHash, TestData.T0, default);
        await storage.Projects.AttachDatasetAsync(first.ProjectHash, dataset.DatasetHash, TestData.T0, default);
        await storage.Projects.AttachDatasetAsync(second.ProjectHash, dataset.DatasetHash, TestData.T0, default);

        var firstRows = await storage.LabelRows.ListAsync(new LabelRowQuery(first.ProjectHash), default);
        var secondRows = await storage.LabelRows.ListAsync(new LabelRowQuery(second.ProjectHash), default);
        Assert.Equal(items.Select(i => i.DataHash).Order(), firstRows.Select(r => r.DataHash).Order());
        Assert.Equal(items.Select(i => i.DataHash).Order(), secondRows.Select(r => r.DataHash).Order());
        Assert.Empty(firstRows.Select(r => r.LabelHash).Intersect(secondRows.Select(r => r.LabelHash)));
        Assert.Single(await storage.Projects.ListProjectDatasetsAsync(first.ProjectHash, default));
    }

    [Fact]
    public async Task Projects_holding_a_unit_are_found_through_attached_datasets_and_through_label_rows()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, attachedProject) = await TestData.CreateProjectAsync(storage);
        var importProject = TestData.Project();
        var unrelated = TestData.Project();
        await storage.Projects.CreateProjectAsync(importProject, owner.UserId, default);
        await storage.Projects.CreateProjectAsync(unrelated, owner.UserId, default);
        var dataset = new DatasetRecord(TestData.NewHash(), "data", null, owner.UserId, TestData.T0);
        await storage.Projects.CreateDatasetAsync(dataset, default);
        var group = TestData.GroupItem(dataset.DatasetHash, "group", 2);
        await storage.Projects.AddDataItemsAsync([group], default);
        await storage.Projects.AttachDatasetAsync(attachedProject.ProjectHash, dataset.DatasetHash, TestData.T0, default);
        var external = TestData.ImageItem(TestData.NewHash(), "external.png");
        await storage.LabelRows.ImportAsync(importProject.ProjectHash,
            [TestData.Row(importProject.ProjectHash, "external.png", dataHash: external.DataHash)], [external], default);
        await storage.LabelRows.ImportAsync(importProject.ProjectHash,
            [TestData.Row(importProject.ProjectHash, "group", dataHash: group.DataHash)], [], default);

        var groupUnit = group.Units[1].DataHash;
        Assert.Equal(new[] { attachedProject.ProjectHash, importProject.ProjectHash }.Order(StringComparer.Ordinal),
            await storage.Projects.ListProjectsHoldingDataUnitAsync(groupUnit, default));
        Assert.Equal([importProject.ProjectHash], await storage.Projects.ListProjectsHoldingDataUnitAsync(external.DataHash, default));
        Assert.Empty(await storage.Projects.ListProjectsHoldingDataUnitAsync(TestData.NewHash(), default));
    }
}
