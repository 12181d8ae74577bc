using System.Text.Json;
using Labelport.Core.Masks;
using Labelport.Tests.Shared;

namespace Labelport.Cli.Tests.Masks;

/// <summary><c>labelport mask encode|decode|info</c> run in-process on real files.</summary>
public sealed class MaskCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("labelport-mask-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Encode_prints_coco_rle_json_of_the_png()
    {
        var (h, w, rowMajor) = Pattern();
        var result = await CliRunner.RunAsync("mask", "encode", TestData.PathOf("masks", "palette4.png"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal([h, w], json.RootElement.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()));
        var rle = CocoRle.FromCompressedString(json.RootElement.GetProperty("counts").GetString()!, h, w);
        Assert.Equal(rowMajor, rle.Decode(MaskOrder.RowMajor));
    }

    [Fact]
    public async Task Encode_with_encord_prints_the_row_major_rle_string()
    {
        var (h, w, rowMajor) = Pattern();
        var result = await CliRunner.RunAsync("mask", "encode", TestData.PathOf("masks", "gray1.png"), "--encord");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(EncordBitmask.Encode(rowMajor, h, w) + "\n", System.Text.Encoding.ASCII.GetString(result.Stdout));
        Assert.Equal(rowMajor, EncordBitmask.Decode(System.Text.Encoding.ASCII.GetString(result.Stdout).Trim(), h, w));
    }

    [Fact]
    public async Task A_non_binary_png_is_thresholded_and_says_so()
    {
        var (h, w, rowMajor) = Pattern();
        var result = await CliRunner.RunAsync("mask", "encode", TestData.PathOf("masks", "levels-gray8.png"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not a binary mask", result.Error, StringComparison.Ordinal);
        Assert.Contains("thresholded at > 0", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(rowMajor, CocoRle.FromCompressedString(json.RootElement.GetProperty("counts").GetString()!, h, w).Decode(MaskOrder.RowMajor));
    }

    [Fact]
    public async Task Json_escapes_only_the_backslash()
    {
        // counts [44, 20] at 1×64 encode as "\\1d0": the 44 token starts with a backslash.
        var rle = CocoRle.FromCounts(1, 64, [44, 20]);
        var text = rle.ToCompressedString();
        Assert.Contains('\\', text);
        var png = Path.Combine(_folder, "m.png");
        await using (var stream = File.Create(png))
        {
            PngWriter.WriteMask(stream, rle.Decode(MaskOrder.RowMajor), 1, 64);
        }
        var result = await CliRunner.RunAsync("mask", "encode", png);
        var stdout = System.Text.Encoding.ASCII.GetString(result.Stdout);
        Assert.Equal("{\"size\":[1,64],\"counts\":\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"}\n", stdout);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("bare")]
    [InlineData("encord")]
    [InlineData("uncompressed")]
    [InlineData("file")]
    public async Task Decode_writes_a_png_that_reads_back_as_the_mask(string form)
    {
        var (h, w, rowMajor) = Pattern();
        var rle = CocoRle.Encode(rowMajor, h, w, MaskOrder.RowMajor);
        var output = Path.Combine(_folder, "out.png");
        string[] args = form switch
        {
            "json" => ["{\"size\":[" + h + "," + w + "],\"counts\":" + JsonSerializer.Serialize(rle.ToCompressedString()) + "}"],
            "bare" => [rle.ToCompressedString(), "--size", $"{h}", $"{w}"],
            "encord" => [EncordBitmask.FromCoco(rle), "--encord", "--size", $"{h}", $"{w}"],
            "uncompressed" => ["{\"size\":[" + h + "," + w + "],\"counts\":[" + string.Join(",", rle.Counts.ToArray()) + "]}"],
            _ => ["--rle-file", WriteText(rle.ToCompressedString()), "--size", $"{h}", $"{w}"],
        };
        var result = await CliRunner.RunAsync(["mask", "decode", .. args, "-o", output]);
        Assert.Equal(0, result.ExitCode);
        await using var stream = File.OpenRead(output);
        var png = PngReader.ReadMask(stream);
        Assert.Equal((h, w), (png.Height, png.Width));
        Assert.Equal(rowMajor, png.RowMajor);
        Assert.Single(Directory.GetFiles(_folder, "*.png"));
    }

    [Fact]
    public async Task Info_prints_size_area_and_bbox()
    {
        var result = await CliRunner.RunAsync("mask", "info", "{\"size\":[10,10],\"counts\":\"f05500000V1\"}");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"size\":[10,10],\"area\":20,\"bbox\":[2,2,4,5]}\n", System.Text.Encoding.ASCII.GetString(result.Stdout));
        var encord = await CliRunner.RunAsync("mask", "info", "63204", "--encord", "--size", "4", "5");
        Assert.Equal("{\"size\":[4,5],\"area\":6,\"bbox\":[1,1,3,2]}\n", System.Text.Encoding.ASCII.GetString(encord.Stdout));
    }

    [Theory]
    [InlineData(1, "Invalid character ' ' (U+0020) at character 2", "info", "23 1N", "--size", "7", "1")]
    [InlineData(1, "Counts sum to 5 pixels, but h×w = 7×1 = 7", "info", "23", "--size", "7", "1")]
    [InlineData(1, "$.size: expected [height, width]", "info", "{\"size\":[7],\"counts\":\"231N\"}")]
    [InlineData(1, "$.counts[1]: expected a run length", "info", "{\"size\":[7,1],\"counts\":[2,-3,2]}")]
    [InlineData(1, "$.size is [7,1] but --size says 1 7", "info", "{\"size\":[7,1],\"counts\":\"231N\"}", "--size", "1", "7")]
    [InlineData(1, "not valid JSON", "info", "{\"size\":")]
    [InlineData(2, "needs --size H W", "info", "231N")]
    [InlineData(2, "exactly one", "info")]
    [InlineData(2, "--size", "info", "231N", "--size", "7")]
    public async Task Bad_rle_input_is_a_clear_error(int exitCode, string message, params string[] args)
    {
        var result = await CliRunner.RunAsync(["mask", .. args]);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task A_corrupt_png_is_an_error_and_a_failed_decode_leaves_no_file()
    {
        var bad = Path.Combine(_folder, "bad.png");
        var bytes = File.ReadAllBytes(TestData.PathOf("masks", "gray8.png"));
        bytes[30] ^= 1;
        File.WriteAllBytes(bad, bytes);
        var result = await CliRunner.RunAsync("mask", "encode", bad);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CRC mismatch", result.Error, StringComparison.Ordinal);

        var output = Path.Combine(_folder, "never.png");
        var decode = await CliRunner.RunAsync("mask", "decode", "23", "--size", "7", "1", "-o", output);
        Assert.Equal(1, decode.ExitCode);
        Assert.Empty(Directory.GetFiles(_folder, "never*"));
        Assert.Equal(1, (await CliRunner.RunAsync("mask", "encode", Path.Combine(_folder, "missing.png"))).ExitCode);
    }

    private string WriteText(string text)
    {
        var path = Path.Combine(_folder, "rle.txt");
        File.WriteAllText(path, text);
        return path;
    }

    private static (int H, int W, byte[] RowMajor) Pattern()
    {
        var lines = File.ReadAllLines(TestData.PathOf("masks", "pattern.txt")).Where(l => l.Length > 0).ToArray();
        return (lines.Length, lines[0].Length, [.. lines.SelectMany(l => l.Select(c => c == '#' ? (byte)1 : (byte)0))]);
    }
}
