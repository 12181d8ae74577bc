using Labelport.Server.Exports;
using Labelport.Storage.Records;

namespace Labelport.Server.Tests.Exports;

/// <summary>Exports of the Encord fixtures through the real SQLite store, against the offline converter.</summary>
public sealed class ExportRunnerTests
{
    public static TheoryData<string, string> FixturesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in FixtureRows.Names)
        {
            data.Add(name, ExportFormats.Json);
            data.Add(name, ExportFormats.Coco);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesAndFormats))]
    public async Task Export_of_a_whole_project_equals_the_offline_converter(string fixture, string format)
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var ontology = FixtureRows.Ontology(fixture);
        var rows = FixtureRows.Load(fixture);
        var project = await env.CreateProjectAsync(ontology);
        await env.ImportAsync(project, rows);
        var request = new ExportRequest { Format = format };

        var (outcome, job) = await env.ExportAsync(await env.QueueAsync(project, request));

        Assert.Equal(ExportRunOutcome.Succeeded, outcome);
        var file = await env.ReadFileAsync(job);
        ExportOracle.AssertSucceeded(job, file, rows.Count);
        var expected = ExportOracle.Convert(rows, ontology, request);
        if (format == ExportFormats.Coco)
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(file));
        }
        else
        {
            ExportOracle.AssertEncordEqualExceptStamp(expected, file, job, env.User.Email);
        }
        Assert.Empty(Directory.GetFiles(env.RunnerOptions.TemporaryFolder!));
    }

    public static TheoryData<string, string> Filters()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in (string[])[ExportFormats.Json, ExportFormats.Coco])
        {
            foreach (var filter in (string[])["dataHashes", "labelStatuses", "objects", "classifications", "emptyObjects", "all"])
            {
                data.Add(filter, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_filter_selects_what_the_offline_converter_selects(string filter, string format)
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var ontology = FixtureRows.Ontology("platform_export");
        var rows = FixtureRows.Load("platform_export");
        string[] statuses = ["LABELLED", "REVIEWED", "LABEL_IN_PROGRESS"];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].LabelStatusName = statuses[i % statuses.Length];
        }
        var objectFeatures = rows.SelectMany(r => r.EnumerateObjects()).Select(o => o.Object.FeatureHash).Distinct().Order(StringComparer.Ordinal).ToList();
        var classificationFeatures = rows.SelectMany(r => r.ClassificationAnswers.Values).Select(a => a.FeatureHash!).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(objectFeatures.Count >= 3 && classificationFeatures.Count >= 2, "the fixture must have several object and classification features");
        var request = filter switch
        {
            "dataHashes" => new ExportRequest { DataHashes = [rows[0].DataHash, rows[3].DataHash, rows[3].DataHash] },
            "labelStatuses" => new ExportRequest { LabelStatuses = ["LABELLED", "REVIEWED"] },
            "objects" => new ExportRequest { ObjectFeatureHashes = objectFeatures.Take(2).ToList() },
            "classifications" => new ExportRequest { ClassificationFeatureHashes = [classificationFeatures[0]] },
            "emptyObjects" => new ExportRequest { ObjectFeatureHashes = [] },
            _ => new ExportRequest
            {
                LabelStatuses = ["LABELLED", "LABEL_IN_PROGRESS"],
                DataHashes = rows.Select(r => r.DataHash).Take(5).ToList(),
                ObjectFeatureHashes = objectFeatures.Skip(1).ToList(),
                ClassificationFeatureHashes = classificationFeatures.Skip(1).ToList(),
            },
        } with { Format = format };
        var project = await env.CreateProjectAsync(ontology);
        await env.ImportAsync(project, rows);

        var (outcome, job) = await env.ExportAsync(await env.QueueAsync(project, request));

        Assert.Equal(ExportRunOutcome.Succeeded, outcome);
        var file = await env.ReadFileAsync(job);
        var expectedRows = rows.Count(request.ToFilter().IncludesRow);
        ExportOracle.AssertSucceeded(job, file, expectedRows);
        var expected = ExportOracle.Convert(rows, ontology, request);
        // The filter must change the output, or this test would prove nothing (COCO carries no classifications).
        if (!(format == ExportFormats.Coco && filter == "classifications"))
        {
            Assert.NotEqual(ExportOracle.Convert(rows, ontology, new ExportRequest { Format = format }), expected);
        }
        if (format == ExportFormats.Coco)
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(file));
        }
        else
        {
            ExportOracle.AssertEncordEqualExceptStamp(expected, file, job, env.User.Email);
        }
        // Only the rows in the file get the export in their history.
        var exported = rows.Where(request.ToFilter().IncludesRow).Select(r => r.LabelHash!).ToHashSet();
        foreach (var row in rows)
        {
            var history = await env.Storage.LabelRows.ListHistoryAsync(project, row.LabelHash!, CancellationToken.None);
            Assert.Equal(exported.Contains(row.LabelHash!) ? [job.ExportHash] : [], history.Select(h => h.ExportHash));
        }
    }

    [Fact]
    public async Task Each_export_is_prepended_to_the_history_of_its_rows()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var ontology = FixtureRows.Ontology("platform_export");
        var rows = FixtureRows.Load("platform_export");
        var project = await env.CreateProjectAsync(ontology);
        await env.ImportAsync(project, rows);

        var (_, first) = await env.ExportAsync(await env.QueueAsync(project, new ExportRequest()));
        await Task.Delay(1100); // whole seconds apart, so "newest first" is decided by time, not by hash
        var (outcome, second) = await env.ExportAsync(await env.QueueAsync(project, new ExportRequest()));

        Assert.Equal(ExportRunOutcome.Succeeded, outcome);
        var previous = new Dictionary<string, IReadOnlyList<ExportHistoryRecord>>();
        foreach (var row in rows)
        {
            var history = await env.Storage.LabelRows.ListHistoryAsync(project, row.LabelHash!, CancellationToken.None);
            Assert.Equal([second.ExportHash, first.ExportHash], history.Select(h => h.ExportHash));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(second.StartedAt!.Value.ToUnixTimeSeconds()), history[0].ExportedAt);
            Assert.All(history, h => Assert.Equal(env.User.Email, h.UserEmail));
            previous[row.LabelHash!] = history.Skip(1).ToList();
        }
        var expected = ExportOracle.Convert(rows, ontology, new ExportRequest());
        ExportOracle.AssertEncordEqualExceptStamp(expected, await env.ReadFileAsync(second), second, env.User.Email, hash => previous[hash]);
        Assert.NotEqual(first.BlobKey, second.BlobKey);
        Assert.NotNull(await env.Storage.Blobs.GetLengthAsync(first.BlobKey!, CancellationToken.None));
    }
}
