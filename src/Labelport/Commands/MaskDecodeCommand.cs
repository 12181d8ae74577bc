using System.CommandLine;
using Labelport.Core.Masks;
using Spectre.Console;

namespace Labelport.Cli.Commands;

/// <summary><c>labelport mask decode RLE [--size H W] [--encord] -o mask.png</c>.</summary>
internal static class MaskDecodeCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new MaskRleInput();
        var output = new Option<FileInfo>("--output", "-o") { Description = "PNG file to write (8-bit grey, 0/255).", Required = true };
        var command = new Command("decode", "Decode COCO RLE (or an Encord rleString) to a PNG mask.");
        input.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var rle = input.Read(parseResult, console, out var exitCode);
            if (rle is null)
            {
                return exitCode;
            }
            if (rle.PixelCount == 0)
            {
                console.Error.WriteLine($"error: the mask is {rle.Height}×{rle.Width}; a PNG needs at least one pixel.", Style.Plain);
                return LabelportCli.Failed;
            }
            var target = parseResult.GetValue(output)!;
            var directory = target.Directory ?? new DirectoryInfo(Environment.CurrentDirectory);
            if (!directory.Exists)
            {
                console.Error.WriteLine($"error: {directory.FullName}: folder not found.", Style.Plain);
                return LabelportCli.Failed;
            }
            // Write next to the target and rename, so a failure never leaves a half-written PNG behind.
            var temporary = Path.Combine(directory.FullName, $".{target.Name}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    PngWriter.WriteMask(stream, rle.Decode(MaskOrder.RowMajor), rle.Height, rle.Width);
                }
                File.Move(temporary, target.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
            console.Error.WriteLine($"wrote {target.Name}: {rle.Height}×{rle.Width}, area {rle.Area}", Style.Plain);
            return 0;
        });
        return command;
    }
}
