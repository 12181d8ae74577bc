using Labelport.Storage.Records;

namespace Labelport.Storage.Tests;

public abstract class LabelRowStoreTests(StoreFixture fixture)
{
    [Fact]
    public async Task Imported_rows_are_found_with_their_json_and_a_second_import_replaces_by_label_hash()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        var row = TestData.Row(project.ProjectHash, "a.png", editedAt: TestData.T0.AddMilliseconds(123)) with { DatasetHash = "ds-1" };
        var other = TestData.Row(project.ProjectHash, "b.png");
        await storage.LabelRows.ImportAsync(project.ProjectHash, [row, other], [], default);

        var found = await storage.LabelRows.FindAsync(project.ProjectHash, row.LabelHash, default);
        AssertSameRow(row, found);
        Assert.Equal(row.Json, found!.Json);

        var replacement = TestData.Row(project.ProjectHash, "a-renamed.png", "REVIEWED", labelHash: row.LabelHash, dataHash: row.DataHash, marker: "v2")
            with { ObjectCount = 9, AnnotationTaskStatus = null };
        await storage.LabelRows.ImportAsync(project.ProjectHash, [replacement], [], default);

        var replaced = await storage.LabelRows.FindAsync(project.ProjectHash, row.LabelHash, default);
        AssertSameRow(replacement, replaced);
        Assert.Equal("v2", TestData.Marker(replaced!));
        Assert.Equal(2, (await storage.LabelRows.ListAsync(new LabelRowQuery(project.ProjectHash), default)).Count);
        Assert.Null(await storage.LabelRows.FindAsync(project.ProjectHash, TestData.NewHash(), default));
    }

    [Fact]
    public async Task Import_registers_new_data_items_and_keeps_existing_ones()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        var externalDataset = TestData.NewHash();
        var external = TestData.ImageItem(externalDataset, "remote.png") is var item
            ? item with { Units = [item.Units[0] with { BlobKey = null, ExternalLink = "https://example.com/remote.png" }] }
            : null!;
        await storage.LabelRows.ImportAsync(project.ProjectHash,
            [TestData.Row(project.ProjectHash, "remote.png", dataHash: external.DataHash)], [external], default);
        var renamed = external with { Title = "renamed.png" };
        await storage.LabelRows.ImportAsync(project.ProjectHash,
            [TestData.Row(project.ProjectHash, "remote.png", dataHash: external.DataHash)], [renamed], default);

        var items = await storage.Projects.ListDataItemsAsync(externalDataset, default);
        Assert.Equal("remote.png", Assert.Single(items).Title);
        Assert.Equal("https://example.com/remote.png", (await storage.Projects.FindDataUnitAsync(external.DataHash, default))!.ExternalLink);
    }

    [Fact]
    public async Task Import_stores_nothing_when_a_row_in_the_middle_of_the_batch_is_refused()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        var (_, otherProject) = await TestData.CreateProjectAsync(storage);
        var kept = TestData.Row(project.ProjectHash, "kept.png", marker: "original");
        await storage.LabelRows.ImportAsync(project.ProjectHash, [kept], [], default);
        var newItem = TestData.ImageItem(TestData.NewHash(), "new.png");
        var batch = new[]
        {
            TestData.Row(project.ProjectHash, "first.png", dataHash: newItem.DataHash),
            TestData.Row(project.ProjectHash, "kept.png", labelHash: kept.LabelHash, dataHash: kept.DataHash, marker: "overwritten"),
            TestData.Row(otherProject.ProjectHash, "foreign.png"),
            TestData.Row(project.ProjectHash, "last.png"),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => storage.LabelRows.ImportAsync(project.ProjectHash, batch, [newItem], default));

        Assert.Contains("rows[2]", error.Message, StringComparison.Ordinal);
        await AssertOnlyRowAsync(storage, project.ProjectHash, kept, "original");
        Assert.Null(await storage.Projects.FindDataUnitAsync(newItem.DataHash, default));
    }

    [Fact]
    public async Task Import_stores_nothing_when_the_database_rejects_a_row_in_the_middle_of_the_batch()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        var kept = TestData.Row(project.ProjectHash, "kept.png", marker: "original");
        await storage.LabelRows.ImportAsync(project.ProjectHash, [kept], [], default);
        var newItem = TestData.ImageItem(TestData.NewHash(), "new.png");
        var batch = new[]
        {
            TestData.Row(project.ProjectHash, "kept.png", labelHash: kept.LabelHash, dataHash: kept.DataHash, marker: "overwritten"),
            TestData.Row(project.ProjectHash, "second.png", dataHash: newItem.DataHash),
            TestData.Row(project.ProjectHash, "broken.png") with { LabelStatus = null! },
            TestData.Row(project.ProjectHash, "last.png"),
        };

        await Assert.ThrowsAnyAsync<Exception>(() => storage.LabelRows.ImportAsync(project.ProjectHash, batch, [newItem], default));

        await AssertOnlyRowAsync(storage, project.ProjectHash, kept, "original");
        Assert.Null(await storage.Projects.FindDataUnitAsync(newItem.DataHash, default));
    }

    [Fact]
    public async Task Update_replaces_the_labels_and_set_status_changes_status_and_edit_time()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        var row = TestData.Row(project.ProjectHash, "a.png", "LABEL_IN_PROGRESS");
        await storage.LabelRows.ImportAsync(project.ProjectHash, [row], [], default);

        var updated = TestData.Row(project.ProjectHash, "a.png", "LABELLED", TestData.T0.AddHours(1), row.DataHash, row.LabelHash, "v2")
            with { ObjectCount = 5, ClassificationCount = 3 };
        Assert.True(await storage.LabelRows.UpdateAsync(updated, default));
        AssertSameRow(updated, await storage.LabelRows.FindAsync(project.ProjectHash, row.LabelHash, default));

        var reviewedAt = TestData.T0.AddHours(2);
        Assert.True(await storage.LabelRows.SetStatusAsync(project.ProjectHash, row.LabelHash, "REVIEWED", reviewedAt, default));
        var reviewed = await storage.LabelRows.FindAsync(project.ProjectHash, row.LabelHash, default);
        Assert.Equal("REVIEWED", reviewed!.LabelStatus);
        Assert.Equal(reviewedAt, reviewed.LastEditedAt);
        Assert.Equal("v2", TestData.Marker(reviewed));
        var json = System.Text.Json.JsonDocument.Parse(reviewed.Json).RootElement;
        Assert.Equal("REVIEWED", json.GetProperty("label_status").GetString());
        Assert.Equal(LabelRowJson.FormatRowDate(reviewedAt), json.GetProperty("last_edited_at").GetString());
        Assert.Equal(row.LabelHash, json.GetProperty("label_hash").GetString());

        var missing = TestData.Row(project.ProjectHash, "missing.png");
        Assert.False(await storage.LabelRows.UpdateAsync(missing, default));
        Assert.False(await storage.LabelRows.SetStatusAsync(project.ProjectHash, missing.LabelHash, "REVIEWED", reviewedAt, default));
        Assert.Null(await storage.LabelRows.FindAsync(project.ProjectHash, missing.LabelHash, default));
    }

    [Fact]
    public async Task List_applies_every_filter_and_returns_no_json()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        var (_, otherProject) = await TestData.CreateProjectAsync(storage);
        var rows = new[]
        {
            TestData.Row(project.ProjectHash, "a", "LABELLED", TestData.T0),
            TestData.Row(project.ProjectHash, "b", "REVIEWED", TestData.T0.AddHours(1)),
            TestData.Row(project.ProjectHash, "c", "NOT_LABELLED", TestData.T0.AddHours(2)),
            TestData.Row(project.ProjectHash, "d", "LABELLED", TestData.T0.AddHours(3)),
        };
        await storage.LabelRows.ImportAsync(project.ProjectHash, rows, [], default);
        await storage.LabelRows.ImportAsync(otherProject.ProjectHash, [TestData.Row(otherProject.ProjectHash, "x", "LABELLED")], [], default);
        var all = new LabelRowQuery(project.ProjectHash);

        async Task<string[]> Titles(LabelRowQuery query) =>
            (await storage.LabelRows.ListAsync(query, default)).Select(r => r.DataTitle).ToArray();

        Assert.Equal(["a", "b", "c", "d"], await Titles(all));
        Assert.All(await storage.LabelRows.ListAsync(all, default), r => Assert.Empty(r.Json));
        Assert.Equal(["a", "d"], await Titles(all with { LabelStatuses = ["LABELLED"] }));
        Assert.Equal(["a", "b", "d"], await Titles(all with { LabelStatuses = ["LABELLED", "REVIEWED"] }));
        Assert.Empty(await Titles(all with { LabelStatuses = [] }));
        Assert.Equal(["b", "c"], await Titles(all with { DataHashes = [rows[1].DataHash, rows[2].DataHash, TestData.NewHash()] }));
        Assert.Equal(["c", "d"], await Titles(all with { EditedAfter = TestData.T0.AddHours(2) }));
        Assert.Equal(["a", "b"], await Titles(all with { EditedBefore = TestData.T0.AddHours(2) }));
        Assert.Equal(["b"], await Titles(all with { EditedAfter = TestData.T0.AddMinutes(1), EditedBefore = TestData.T0.AddHours(3), LabelStatuses = ["REVIEWED", "LABELLED"] }));
        Assert.Equal(["d"], await Titles(all with { DataHashes = [rows[0].DataHash, rows[3].DataHash], EditedAfter = TestData.T0.AddHours(1) }));
        Assert.Equal(["x"], await Titles(new LabelRowQuery(otherProject.ProjectHash)));
    }

    [Fact]
    public async Task List_pages_by_title_then_label_hash_across_pages_without_gaps_or_repeats()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        var rows = Enumerable.Range(0, 25)
            .Select(i => TestData.Row(project.ProjectHash, $"frame-{i % 6:00}.png", i % 3 == 0 ? "LABELLED" : "REVIEWED"))
            .ToList();
        await storage.LabelRows.ImportAsync(project.ProjectHash, rows, [], default);
        var expected = rows.OrderBy(r => r.DataTitle, StringComparer.Ordinal).ThenBy(r => r.LabelHash, StringComparer.Ordinal).ToList();

        var pages = await ReadAllPagesAsync(storage, new LabelRowQuery(project.ProjectHash) { Limit = 7 });
        Assert.Equal([7, 7, 7, 4], pages.Select(p => p.Count));
        Assert.Equal(expected.Select(r => r.LabelHash), pages.SelectMany(p => p).Select(r => r.LabelHash));

        var reviewed = await ReadAllPagesAsync(storage, new LabelRowQuery(project.ProjectHash) { Limit = 4, LabelStatuses = ["REVIEWED"] });
        Assert.Equal(expected.Where(r => r.LabelStatus == "REVIEWED").Select(r => r.LabelHash), reviewed.SelectMany(p => p).Select(r => r.LabelHash));
    }

    [Fact]
    public async Task Titles_are_ordered_ordinally_so_every_store_pages_the_same_way()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        string[] titles = ["b.png", "B.png", "a.png", "_x.png", "Ä.png", "10.png", "9.png"];
        await storage.LabelRows.ImportAsync(project.ProjectHash, titles.Select(t => TestData.Row(project.ProjectHash, t)).ToList(), [], default);

        var pages = await ReadAllPagesAsync(storage, new LabelRowQuery(project.ProjectHash) { Limit = 2 });

        Assert.Equal(titles.Order(StringComparer.Ordinal), pages.SelectMany(p => p).Select(r => r.DataTitle));
    }

    internal static void AssertSameRow(LabelRowRecord expected, LabelRowRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Json = [] }, actual with { Json = [] });
        Assert.Equal(expected.Json, actual.Json);
    }

    private static async Task AssertOnlyRowAsync(LabelportStorage storage, string projectHash, LabelRowRecord row, string marker)
    {
        var rows = await storage.LabelRows.ListAsync(new LabelRowQuery(projectHash), default);
        Assert.Equal([row.LabelHash], rows.Select(r => r.LabelHash));
        Assert.Equal(marker, TestData.Marker((await storage.LabelRows.FindAsync(projectHash, row.LabelHash, default))!));
    }

    private static async Task<List<IReadOnlyList<LabelRowRecord>>> ReadAllPagesAsync(LabelportStorage storage, LabelRowQuery query)
    {
        var pages = new List<IReadOnlyList<LabelRowRecord>>();
        while (true)
        {
            var page = await storage.LabelRows.ListAsync(query, default);
            if (page.Count == 0)
            {
                return pages;
            }
            pages.Add(page);
            query = query with { After = (page[^1].DataTitle, page[^1].LabelHash) };
        }
    }
}
