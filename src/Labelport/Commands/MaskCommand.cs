using System.CommandLine;

namespace Labelport.Cli.Commands;

/// <summary><c>labelport mask</c>: PNG ⇄ COCO RLE ⇄ Encord rleString conversions.</summary>
internal static class MaskCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("mask", "Convert masks between PNG, COCO RLE and Encord rleString.");
        command.Subcommands.Add(MaskEncodeCommand.Create(console));
        command.Subcommands.Add(MaskDecodeCommand.Create(console));
        command.Subcommands.Add(MaskInfoCommand.Create(console));
        return command;
    }
}
