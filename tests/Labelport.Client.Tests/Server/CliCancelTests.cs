using Labelport.Cli;
using Spectre.Console;

namespace Labelport.Client.Tests.Server;

/// <summary>Ctrl+C during <c>labelport export</c> (the command's cancellation token) stops waiting and cancels the job on the server.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class CliCancelTests(IdleServerFixture server) : IClassFixture<IdleServerFixture>
{
    [Fact]
    public async Task Cancelling_the_command_cancels_the_export_on_the_server_and_exits_1()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "cli cancel " + Guid.NewGuid());
        using var environment = EnvironmentCollection.Without();
        var error = new StringWriter();
        var console = new CliConsole(
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No }),
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Synchronized(error)), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No }),
            () => Stream.Null,
            errorIsTerminal: false);
        using var ctrlC = new CancellationTokenSource();
        var run = LabelportCli.RunAsync(["export", "--server", server.Address.ToString(), "--api-key", server.AdminApiKey, "--project", project.ProjectHash, "--format", "json"], console, ctrlC.Token);

        ExportJob? queued = null;
        while (queued is null)
        {
            await Task.Delay(20);
            queued = (await client.Exports.ListAsync(project.ProjectHash)).FirstOrDefault();
        }
        await ctrlC.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(LabelportCli.Failed, exitCode);
        Assert.Equal(ExportStatus.Cancelled, (await client.Exports.GetAsync(queued.ExportHash)).Status);
        Assert.Contains($"export {queued.ExportHash} cancelled on the server", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_that_does_not_finish_within_the_timeout_exits_1_saying_so()
    {
        using var client = server.CreateClient();
        var project = await Seed.ProjectWithLabelsAsync(client, "cli timeout " + Guid.NewGuid());
        using var environment = EnvironmentCollection.Without();
        var folder = Directory.CreateTempSubdirectory("labelport-cli-timeout-");
        try
        {
            var result = await Labelport.Tests.Shared.CliRunner.RunAsync("export", "--server", server.Address.ToString(), "--api-key", server.AdminApiKey, "--project", project.ProjectHash, "--format", "coco", "--timeout", "1s", "-o", folder.FullName);
            Assert.Equal(LabelportCli.Failed, result.ExitCode);
            Assert.Contains("did not finish within", result.Error, StringComparison.Ordinal);
            Assert.Contains("queued", result.Error, StringComparison.Ordinal);
            Assert.Empty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
