using System.Net;

namespace Labelport.Client.Tests.Server;

/// <summary>On a server without an export worker jobs stay queued: cancelling, timeouts and cancellation of waiting are deterministic.</summary>
public sealed class WaitAndCancelTests(IdleServerFixture server) : IClassFixture<IdleServerFixture>
{
    [Fact]
    public async Task Cancelling_the_token_stops_waiting_at_once_not_at_the_next_poll()
    {
        using var client = server.CreateClient(pollInterval: TimeSpan.FromHours(1));
        var project = await Seed.ProjectWithLabelsAsync(client, "wait " + Guid.NewGuid());
        var job = await client.Exports.StartAsync(project.ProjectHash, new ExportRequest());
        using var cancel = new CancellationTokenSource();
        var reports = new List<ExportProgress>();
        var waiting = client.Exports.WaitAsync(job.ExportHash, new SynchronousProgress<ExportProgress>(reports.Add), cancellationToken: cancel.Token);
        while (reports.Count == 0)
        {
            await Task.Delay(10); // the first status arrived: the wait is now in its hour-long pause
        }
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();
        // With a one-hour poll interval, only a cancellable pause can end this before the guard (which fails the test).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(ExportStatus.Queued, (await client.Exports.GetAsync(job.ExportHash)).Status);
    }

    [Fact]
    public async Task Waiting_longer_than_the_timeout_is_a_TimeoutException_with_the_last_status()
    {
        using var client = server.CreateClient(pollInterval: TimeSpan.FromMilliseconds(50));
        var project = await Seed.ProjectWithLabelsAsync(client, "timeout " + Guid.NewGuid());
        var job = await client.Exports.StartAsync(project.ProjectHash, new ExportRequest { Format = ExportFormat.Coco });
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.Exports.WaitAsync(job.ExportHash, timeout: TimeSpan.FromMilliseconds(300)));
        Assert.Contains(job.ExportHash, error.Message, StringComparison.Ordinal);
        Assert.Contains("queued", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queued_export_is_cancelled_and_its_file_is_never_available()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "cancel " + Guid.NewGuid());
        var job = await client.Exports.StartAsync(project.ProjectHash, new ExportRequest { LabelStatuses = ["LABELLED"] });
        Assert.Equal(ExportStatus.Queued, job.Status);
        var same = await client.Exports.StartAsync(project.ProjectHash, new ExportRequest { LabelStatuses = ["LABELLED"] });
        Assert.Equal(job.ExportHash, same.ExportHash);

        var cancelled = await client.Exports.CancelAsync(job.ExportHash);
        Assert.Equal(ExportStatus.Cancelled, cancelled.Status);
        Assert.Equal(ExportStatus.Cancelled, (await client.Exports.WaitAsync(job.ExportHash, timeout: LabelportServerFixture.Patience)).Status);
        var download = await Assert.ThrowsAsync<LabelportApiException>(() => client.Exports.DownloadAsync(job.ExportHash, new MemoryStream()));
        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
        var again = await Assert.ThrowsAsync<LabelportApiException>(() => client.Exports.CancelAsync(job.ExportHash));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(await client.Exports.ListAsync(project.ProjectHash), j => j.ExportHash == job.ExportHash && j.Status == ExportStatus.Cancelled);
    }
}
