using System.Text.Json;

namespace Labelport.Benchmarks.Masks;

/// <summary>
/// The COCO RLE benchmark workload of tests/data/bench/rle-workload.json (spec coco-rle.md §11): a 1080×1920
/// union of five ellipses ("blob"), the same shifted ("blob2"), SplitMix64 noise and a 100-vertex star.
/// Masks are column-major 0/1 bytes. Shared by the benchmarks and by the test that checks the expected outputs.
/// </summary>
internal sealed class RleWorkload
{
    private RleWorkload(JsonElement root)
    {
        Expected = root;
        Height = root.GetProperty("h").GetInt32();
        Width = root.GetProperty("w").GetInt32();
        var ellipses = root.GetProperty("ellipses_cx_cy_a_b").EnumerateArray()
            .Select(e => e.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToArray();
        var shift = root.GetProperty("blob2_shift_dx_dy");
        Blob = Ellipses(ellipses, 0, 0);
        Blob2 = Ellipses(ellipses, shift[0].GetInt64(), shift[1].GetInt64());
        BlobRowMajor = new byte[Blob.Length];
        for (var c = 0; c < Width; c++)
        {
            for (var r = 0; r < Height; r++)
            {
                BlobRowMajor[(r * Width) + c] = Blob[(c * Height) + r];
            }
        }
        Noise = SplitMix64Noise(Height * Width, root.GetProperty("noise").GetProperty("seed").GetUInt64());
        Poly100 = [.. root.GetProperty("poly100").EnumerateArray().Select(v => v.GetDouble())];
    }

    public JsonElement Expected { get; }

    public int Height { get; }

    public int Width { get; }

    public byte[] Blob { get; }

    public byte[] Blob2 { get; }

    public byte[] BlobRowMajor { get; }

    public byte[] Noise { get; }

    public double[] Poly100 { get; }

    public static RleWorkload Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new RleWorkload(document.RootElement.Clone());
    }

    /// <summary>tests/data/bench/rle-workload.json above the current directory or the app's base directory.</summary>
    public static string FindFile()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "data", "bench", "rle-workload.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new FileNotFoundException("tests/data/bench/rle-workload.json not found above " + Environment.CurrentDirectory);
    }

    /// <summary>FNV-1a 64 of the ASCII string, lower-case hex, as in the workload file.</summary>
    public static string Fnv1a64(string text)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var ch in text)
        {
            hash ^= (byte)ch;
            hash *= 0x100000001b3UL;
        }
        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private byte[] Ellipses(long[][] ellipses, long dx, long dy)
    {
        var mask = new byte[Height * Width];
        for (var x = 0; x < Width; x++)
        {
            for (var y = 0; y < Height; y++)
            {
                foreach (var e in ellipses)
                {
                    long cx = e[0] + dx, cy = e[1] + dy, a = e[2], b = e[3];
                    if (((x - cx) * (x - cx) * b * b) + ((y - cy) * (y - cy) * a * a) <= a * a * b * b)
                    {
                        mask[(x * Height) + y] = 1;
                        break;
                    }
                }
            }
        }
        return mask;
    }

    private static byte[] SplitMix64Noise(int n, ulong seed)
    {
        var mask = new byte[n];
        var state = seed;
        for (var i = 0; i < n; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            mask[i] = (byte)(z >> 63);
        }
        return mask;
    }
}
