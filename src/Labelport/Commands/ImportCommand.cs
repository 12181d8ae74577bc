using System.CommandLine;

namespace Labelport.Cli.Commands;

/// <summary><c>labelport import labels|media</c>: put label rows or media files on a Labelport server.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("import", "Import label rows or media files into a Labelport server.");
        command.Subcommands.Add(ImportLabelsCommand.Create(console));
        command.Subcommands.Add(ImportMediaCommand.Create(console));
        return command;
    }
}
