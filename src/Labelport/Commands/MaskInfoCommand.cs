using System.CommandLine;
using System.Text.Json;

namespace Labelport.Cli.Commands;

/// <summary><c>labelport mask info RLE [--size H W] [--encord]</c>: prints size, area and bbox as JSON.</summary>
internal static class MaskInfoCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new MaskRleInput();
        var command = new Command("info", "Print the size, area and bounding box [x,y,w,h] of a COCO RLE (or Encord rleString).");
        input.AddTo(command);
        command.SetAction(parseResult =>
        {
            var rle = input.Read(parseResult, console, out var exitCode);
            if (rle is null)
            {
                return exitCode;
            }
            using var stdout = console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stdout, MaskEncodeCommand.JsonOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("size");
                writer.WriteNumberValue(rle.Height);
                writer.WriteNumberValue(rle.Width);
                writer.WriteEndArray();
                writer.WriteNumber("area", rle.Area);
                var box = rle.BoundingBox;
                writer.WriteStartArray("bbox");
                // Pixel boxes are whole numbers: print them as integers, as pycocotools' JSON does after int().
                writer.WriteNumberValue((long)box.X);
                writer.WriteNumberValue((long)box.Y);
                writer.WriteNumberValue((long)box.Width);
                writer.WriteNumberValue((long)box.Height);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            stdout.Write("\n"u8);
            return 0;
        });
        return command;
    }
}
