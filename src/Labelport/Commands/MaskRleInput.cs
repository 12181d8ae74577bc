using System.CommandLine;
using System.Text.Json;
using Labelport.Core.Masks;
using Spectre.Console;

namespace Labelport.Cli.Commands;

/// <summary>
/// The RLE operand shared by <c>mask decode</c> and <c>mask info</c>: a COCO JSON object
/// (<c>{"size":[h,w],"counts":"…"}</c> or counts as a list of integers), a bare COCO counts string with
/// <c>--size H W</c>, or with <c>--encord</c> an Encord rleString (row-major) with <c>--size</c>.
/// </summary>
internal sealed class MaskRleInput
{
    public Argument<string?> Rle { get; } = new("RLE")
    {
        Description = "COCO RLE as JSON ({\"size\":[h,w],\"counts\":\"…\"}) or a bare counts string; with --encord an Encord rleString.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<FileInfo?> RleFile { get; } = new("--rle-file")
    {
        Description = "Read the RLE from this file instead (for strings longer than a command line allows).",
    };

    public Option<int[]> Size { get; } = new("--size")
    {
        Description = "Mask height and width (rows, columns); required for a bare string.",
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<bool> Encord { get; } = new("--encord")
    {
        Description = "The RLE is an Encord rleString (runs over the mask in row-major order).",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Rle);
        command.Options.Add(RleFile);
        command.Options.Add(Size);
        command.Options.Add(Encord);
    }

    /// <summary>Returns the mask, or null after writing the problem to stderr with the exit code to use.</summary>
    public CocoRle? Read(ParseResult parseResult, CliConsole console, out int exitCode)
    {
        exitCode = 0;
        var text = parseResult.GetValue(Rle);
        var file = parseResult.GetValue(RleFile);
        var size = parseResult.GetValue(Size);
        var encord = parseResult.GetValue(Encord);
        if ((text is null) == (file is null))
        {
            return Fail(console, "give the RLE either as an argument or with --rle-file (exactly one).", LabelportCli.Usage, out exitCode);
        }
        if (file is not null)
        {
            if (!file.Exists)
            {
                return Fail(console, $"{file.FullName}: file not found.", LabelportCli.Failed, out exitCode);
            }
            text = File.ReadAllText(file.FullName).Trim();
        }
        text = text!.Trim();
        try
        {
            if (text.StartsWith('{'))
            {
                if (encord)
                {
                    return Fail(console, "--encord takes a bare rleString, not a JSON object.", LabelportCli.Usage, out exitCode);
                }
                return FromJson(text, size, console, out exitCode);
            }
            if (size is not { Length: 2 })
            {
                return Fail(console, "a bare RLE string needs --size H W.", LabelportCli.Usage, out exitCode);
            }
            return encord ? EncordBitmask.ToCoco(text, size[0], size[1]) : CocoRle.FromCompressedString(text, size[0], size[1]);
        }
        catch (MaskFormatException e)
        {
            return Fail(console, e.Message, LabelportCli.Failed, out exitCode);
        }
    }

    private static CocoRle? FromJson(string text, int[]? size, CliConsole console, out int exitCode)
    {
        exitCode = 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return Fail(console, $"RLE is not valid JSON: {e.Message}", LabelportCli.Failed, out exitCode);
        }
        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Array || sizeElement.GetArrayLength() != 2
                || !sizeElement[0].TryGetInt32(out var h) || !sizeElement[1].TryGetInt32(out var w))
            {
                return Fail(console, "$.size: expected [height, width] as two integers.", LabelportCli.Failed, out exitCode);
            }
            if (size is { Length: 2 } && (size[0] != h || size[1] != w))
            {
                return Fail(console, $"$.size is [{h},{w}] but --size says {size[0]} {size[1]}.", LabelportCli.Failed, out exitCode);
            }
            if (!root.TryGetProperty("counts", out var counts))
            {
                return Fail(console, "$.counts: missing.", LabelportCli.Failed, out exitCode);
            }
            if (counts.ValueKind == JsonValueKind.String)
            {
                return CocoRle.FromCompressedString(counts.GetString()!, h, w);
            }
            if (counts.ValueKind != JsonValueKind.Array)
            {
                return Fail(console, "$.counts: expected a string (compressed) or a list of run lengths.", LabelportCli.Failed, out exitCode);
            }
            var values = new uint[counts.GetArrayLength()];
            for (var i = 0; i < values.Length; i++)
            {
                if (!counts[i].TryGetUInt32(out values[i]))
                {
                    return Fail(console, $"$.counts[{i}]: expected a run length 0..{uint.MaxValue}, got {counts[i].GetRawText()}.", LabelportCli.Failed, out exitCode);
                }
            }
            return CocoRle.FromCounts(h, w, values);
        }
    }

    private static CocoRle? Fail(CliConsole console, string message, int code, out int exitCode)
    {
        console.Error.WriteLine("error: " + message, Style.Plain);
        exitCode = code;
        return null;
    }
}
