using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Labelport.Core.Masks;
using Spectre.Console;

namespace Labelport.Cli.Commands;

/// <summary><c>labelport mask encode MASK.png [--encord]</c>: PNG → COCO RLE JSON (or Encord rleString) on stdout.</summary>
internal static class MaskEncodeCommand
{
    /// <summary>Escapes only what JSON requires ('"', '\'), so counts strings stay readable ('&lt;', '`' unescaped).</summary>
    internal static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var png = new Argument<FileInfo>("MASK") { Description = "PNG image; pixels with any colour sample > 0 are foreground." };
        var encord = new Option<bool>("--encord") { Description = "Print the Encord rleString (row-major runs) instead of COCO RLE JSON." };
        var command = new Command("encode", "Encode a PNG mask as COCO RLE ({\"size\":[h,w],\"counts\":\"…\"}).");
        command.Arguments.Add(png);
        command.Options.Add(encord);
        command.SetAction(parseResult =>
        {
            var file = parseResult.GetValue(png)!;
            if (!file.Exists)
            {
                console.Error.WriteLine($"error: {file.FullName}: file not found.", Style.Plain);
                return LabelportCli.Failed;
            }
            PngMask mask;
            try
            {
                using var stream = file.OpenRead();
                mask = PngReader.ReadMask(stream);
            }
            catch (MaskFormatException e)
            {
                console.Error.WriteLine($"error: {file.Name}: {e.Message}", Style.Plain);
                return LabelportCli.Failed;
            }
            if (!mask.IsBinary)
            {
                console.Error.WriteLine($"note: {file.Name} is not a binary mask (more than one non-zero pixel value); thresholded at > 0.", Style.Plain);
            }
            using var stdout = console.OpenStandardOutput();
            if (parseResult.GetValue(encord))
            {
                var text = EncordBitmask.Encode(mask.RowMajor, mask.Height, mask.Width);
                stdout.Write(System.Text.Encoding.ASCII.GetBytes(text + "\n"));
                return 0;
            }
            var rle = CocoRle.Encode(mask.RowMajor, mask.Height, mask.Width, MaskOrder.RowMajor);
            using (var writer = new Utf8JsonWriter(stdout, JsonOptions))
            {
                WriteRle(writer, rle);
            }
            stdout.Write("\n"u8);
            return 0;
        });
        return command;
    }

    internal static void WriteRle(Utf8JsonWriter writer, CocoRle rle)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("size");
        writer.WriteNumberValue(rle.Height);
        writer.WriteNumberValue(rle.Width);
        writer.WriteEndArray();
        var buffer = new byte[rle.GetMaxCompressedByteCount()];
        writer.WriteString("counts", buffer.AsSpan(0, rle.WriteCompressed(buffer)));
        writer.WriteEndObject();
    }
}
