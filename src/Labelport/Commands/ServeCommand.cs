using System.CommandLine;
using Labelport.Server;
using Labelport.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Labelport.Cli.Commands;

/// <summary>
/// <c>labelport serve [--data DIR] [--urls URL] [--database CONNECTION] [--demo]</c>: runs the Labelport server until Ctrl+C (or SIGTERM),
/// then stops gracefully (running requests finish; running exports finish or are re-queued).
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5180";

    public static Command Create(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "The data folder (database, media, exports, keys).", DefaultValueFactory = _ => "./data" };
        var urls = new Option<string>("--urls") { Description = "Address(es) to listen on, separated by ';'.", DefaultValueFactory = _ => DefaultUrl };
        var database = new Option<string?>("--database")
        {
            Description = "PostgreSQL connection string (default: LABELPORT_DATABASE, else SQLite in the data folder). S3 storage: LABELPORT_S3_* (docs/deploy.md).",
        };
        var demo = new Option<bool>("--demo") { Description = "Seed a demo project with media, an ontology and label rows on first start." };
        var command = new Command("serve", "Run the Labelport server (REST API, web app, export worker).");
        command.Options.Add(data);
        command.Options.Add(urls);
        command.Options.Add(database);
        command.Options.Add(demo);
        command.SetAction((result, cancellationToken) =>
            RunAsync(console, result.GetValue(data)!, result.GetValue(urls)!, result.GetValue(database), result.GetValue(demo), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string dataFolder, string urls, string? database, bool demo, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            var options = new LabelportServerOptions
            {
                DataFolder = dataFolder,
                Urls = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Database = string.IsNullOrWhiteSpace(database) ? null : database,
                Demo = demo,
                Announce = console.WriteLine,
            }.WithEnvironment(Environment.GetEnvironmentVariable);
            app = await LabelportServer.BuildAsync(options, cancellationToken);
        }
        catch (ServerConfigurationException e)
        {
            console.WriteErrorLine("labelport serve: " + e.Message);
            return LabelportCli.Failed;
        }
        await using var running = app;
        try
        {
            await LabelportServer.StartAsync(app, cancellationToken);
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or UnauthorizedAccessException or Server.Hosting.ApiProblemException)
        {
            console.WriteErrorLine("labelport serve: could not start: " + error.Message);
            return LabelportCli.Failed;
        }
        console.WriteLine("Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
