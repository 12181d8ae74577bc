using System.CommandLine;

namespace Labelport.Cli;

public static class LabelportCli
{
    /// <summary>Exit code for a command that ran and found a problem with its input.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for a command line that could not be understood.</summary>
    public const int Usage = 2;

    public static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand("Labelport: export image and video labels as Encord JSON or COCO.");
        // Each command lives in Commands/ and is registered here.
        root.Subcommands.Add(Commands.ConvertCommand.Create(console));
        root.Subcommands.Add(Commands.ValidateCommand.Create(console));
        root.Subcommands.Add(Commands.MaskCommand.Create(console));
        root.Subcommands.Add(Commands.ExportCommand.Create(console));
        root.Subcommands.Add(Commands.ImportCommand.Create(console));
        root.Subcommands.Add(Commands.ServeCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand(console);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                console.WriteErrorLine(error.Message);
            }
            return Usage;
        }
        var configuration = new InvocationConfiguration
        {
            Output = new SpectreTextWriter(console.Out),
            Error = new SpectreTextWriter(console.Error),
            // serve stops gracefully on Ctrl+C: running exports finish or are re-queued, which can take a while.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
