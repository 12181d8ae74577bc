using System.Net;

namespace Labelport.Client.Tests.Server;

/// <summary>Server errors surface as <see cref="LabelportApiException"/> with the server's ProblemDetails.</summary>
public sealed class ErrorTests(LabelportServerFixture server) : IClassFixture<LabelportServerFixture>
{
    [Fact]
    public async Task Unknown_filter_values_are_a_400_naming_each_json_path()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "bad filters " + Guid.NewGuid());
        var error = await Assert.ThrowsAsync<LabelportApiException>(() => client.Exports.StartAsync(project.ProjectHash, new ExportRequest
        {
            ObjectFeatureHashes = [Seed.BoxFeature, "no-such-feature"],
            LabelStatuses = ["DONE"],
        }));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(400, error.Problem.Status);
        Assert.False(string.IsNullOrEmpty(error.Title));
        var paths = error.Errors.Select(e => e.Path).ToList();
        Assert.Contains("$.objectFeatureHashes[1]", paths);
        Assert.Contains("$.labelStatuses[0]", paths);
        Assert.Contains(error.Errors, e => e.Path == "$.objectFeatureHashes[1]" && e.Message.Contains("no-such-feature", StringComparison.Ordinal));
        Assert.Contains("$.objectFeatureHashes[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_label_rows_are_a_400_with_the_validators_paths_and_nothing_is_stored()
    {
        using var client = server.CreateClient();
        var project = await Seed.CreateProjectAsync(client, "bad rows " + Guid.NewGuid());
        var json = File.ReadAllText(Seed.LabelsPath).Replace("\"featureHash\": \"ImO9dtQh\"", "\"featureHash\": \"XXXXXXXX\"", StringComparison.Ordinal);
        Assert.Contains("XXXXXXXX", json, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<LabelportApiException>(() => client.LabelRows.ImportAsync(project.ProjectHash, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.NotEmpty(error.Errors);
        Assert.All(error.Errors, e => Assert.StartsWith("$[", e.Path, StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.Contains("XXXXXXXX", StringComparison.Ordinal));
        Assert.Empty(await client.LabelRows.ListAsync(project.ProjectHash).ToListAsync());
    }

    [Fact]
    public async Task Unknown_things_are_404_a_wrong_key_401_and_an_unfinished_download_409()
    {
        using var client = server.CreateClient();
        var missing = await Assert.ThrowsAsync<LabelportApiException>(() => client.Projects.GetAsync(Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(404, missing.Problem.Status);
        var noExport = await Assert.ThrowsAsync<LabelportApiException>(() => client.Exports.GetAsync(Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.NotFound, noExport.StatusCode);

        using var stranger = server.CreateClient(apiKey: "lp_" + new string('A', 43));
        var anonymous = await Assert.ThrowsAsync<LabelportApiException>(() => stranger.GetMeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var project = await Seed.ProjectWithLabelsAsync(client, "finished " + Guid.NewGuid());
        var job = await client.Exports.WaitAsync((await client.Exports.StartAsync(project.ProjectHash, new ExportRequest())).ExportHash, timeout: LabelportServerFixture.Patience);
        var finished = await Assert.ThrowsAsync<LabelportApiException>(() => client.Exports.CancelAsync(job.ExportHash));
        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        Assert.False(string.IsNullOrEmpty(finished.Detail));
    }
}
