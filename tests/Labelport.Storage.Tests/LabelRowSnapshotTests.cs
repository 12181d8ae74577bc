using Labelport.Storage.Records;

namespace Labelport.Storage.Tests;

public abstract class LabelRowSnapshotTests(StoreFixture fixture)
{
    [Fact]
    public async Task A_snapshot_keeps_seeing_the_rows_as_they_were_when_it_opened()
    {
        await using var storage = await fixture.OpenAsync();
        var (_, project) = await TestData.CreateProjectAsync(storage);
        var rows = Enumerable.Range(0, 5).Select(i => TestData.Row(project.ProjectHash, $"img-{i}.png", "LABELLED", marker: "before")).ToList();
        await storage.LabelRows.ImportAsync(project.ProjectHash, rows, [], default);
        var query = new LabelRowQuery(project.ProjectHash) { Limit = 2 };

        await using var snapshot = await storage.LabelRows.OpenSnapshotAsync(default);

        var changed = TestData.Row(project.ProjectHash, "img-0.png", "LABELLED", labelHash: rows[0].LabelHash, dataHash: rows[0].DataHash, marker: "after");
        Assert.True(await storage.LabelRows.UpdateAsync(changed, default));
        Assert.True(await storage.LabelRows.SetStatusAsync(project.ProjectHash, rows[1].LabelHash, "REVIEWED", TestData.T0.AddDays(1), default));
        await storage.LabelRows.ImportAsync(project.ProjectHash,
            [TestData.Row(project.ProjectHash, "img-9.png", marker: "after"),
             TestData.Row(project.ProjectHash, "img-2.png", labelHash: rows[2].LabelHash, dataHash: rows[2].DataHash, marker: "after")], [], default);

        Assert.Equal(5, await snapshot.CountAsync(query, default));
        Assert.Equal(5, await snapshot.CountAsync(query with { LabelStatuses = ["LABELLED"] }, default));
        var seen = await ReadAllAsync(snapshot, query);
        Assert.Equal(rows.Select(r => r.LabelHash), seen.Select(r => r.Row.LabelHash));
        Assert.All(seen, r => Assert.Equal("before", TestData.Marker(r.Row)));
        Assert.All(seen, r => Assert.Equal("LABELLED", r.Row.LabelStatus));

        var now = await storage.LabelRows.ListAsync(new LabelRowQuery(project.ProjectHash), default);
        Assert.Equal(6, now.Count);
        Assert.Equal("REVIEWED", now.Single(r => r.LabelHash == rows[1].LabelHash).LabelStatus);
    }

    [Fact]
    public async Task Export_history_written_after_the_snapshot_opened_is_not_seen_through_it()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, project) = await TestData.CreateProjectAsync(storage);
        var row = TestData.Row(project.ProjectHash, "a.png");
        await storage.LabelRows.ImportAsync(project.ProjectHash, [row], [], default);
        await ExportJobStoreTests.RunExportAsync(storage, project.ProjectHash, owner, [row.LabelHash], TestData.T0.AddHours(1));

        await using var snapshot = await storage.LabelRows.OpenSnapshotAsync(default);
        await ExportJobStoreTests.RunExportAsync(storage, project.ProjectHash, owner, [row.LabelHash], TestData.T0.AddHours(2));

        var (_, history) = Assert.Single(await ReadAllAsync(snapshot, new LabelRowQuery(project.ProjectHash)));
        Assert.Equal([TestData.T0.AddHours(1)], history.Select(h => h.ExportedAt));
        Assert.Equal(2, (await storage.LabelRows.ListHistoryAsync(project.ProjectHash, row.LabelHash, default)).Count);
    }

    [Fact]
    public async Task Read_pages_through_every_selected_row_with_its_json_and_history_newest_first()
    {
        await using var storage = await fixture.OpenAsync();
        var (owner, project) = await TestData.CreateProjectAsync(storage);
        var rows = Enumerable.Range(0, 11)
            .Select(i => TestData.Row(project.ProjectHash, $"img-{i:00}.png", i % 2 == 0 ? "LABELLED" : "REVIEWED", marker: $"m{i}"))
            .ToList();
        await storage.LabelRows.ImportAsync(project.ProjectHash, rows, [], default);
        await ExportJobStoreTests.RunExportAsync(storage, project.ProjectHash, owner, rows.Take(4).Select(r => r.LabelHash).ToList(), TestData.T0.AddHours(1));
        await ExportJobStoreTests.RunExportAsync(storage, project.ProjectHash, owner, rows.Skip(2).Take(6).Select(r => r.LabelHash).ToList(), TestData.T0.AddHours(2));
        var query = new LabelRowQuery(project.ProjectHash) { Limit = 3 };

        await using var snapshot = await storage.LabelRows.OpenSnapshotAsync(default);
        var seen = await ReadAllAsync(snapshot, query);

        Assert.Equal(11, await snapshot.CountAsync(query, default));
        Assert.Equal(rows.Select(r => r.LabelHash), seen.Select(r => r.Row.LabelHash));
        for (var i = 0; i < rows.Count; i++)
        {
            LabelRowStoreTests.AssertSameRow(rows[i], seen[i].Row);
            var expected = new List<DateTimeOffset>();
            if (i is >= 2 and < 8)
            {
                expected.Add(TestData.T0.AddHours(2));
            }
            if (i < 4)
            {
                expected.Add(TestData.T0.AddHours(1));
            }
            Assert.Equal(expected, seen[i].History.Select(h => h.ExportedAt));
            Assert.All(seen[i].History, h => Assert.Equal(owner.Email, h.UserEmail));
            Assert.All(seen[i].History, h => Assert.Equal(rows[i].LabelHash, h.LabelHash));
        }

        var reviewed = await ReadAllAsync(snapshot, query with { LabelStatuses = ["REVIEWED"], After = ("img-03.png", rows[3].LabelHash) });
        Assert.Equal(["img-05.png", "img-07.png", "img-09.png"], reviewed.Select(r => r.Row.DataTitle));
        Assert.Equal(5, await snapshot.CountAsync(query with { LabelStatuses = ["REVIEWED"] }, default));
        Assert.Equal(0, await snapshot.CountAsync(new LabelRowQuery(TestData.NewHash()), default));
    }

    private static async Task<List<(LabelRowRecord Row, IReadOnlyList<ExportHistoryRecord> History)>> ReadAllAsync(ILabelRowSnapshot snapshot, LabelRowQuery query)
    {
        var rows = new List<(LabelRowRecord, IReadOnlyList<ExportHistoryRecord>)>();
        await foreach (var entry in snapshot.ReadAsync(query, default))
        {
            rows.Add(entry);
        }
        return rows;
    }
}
