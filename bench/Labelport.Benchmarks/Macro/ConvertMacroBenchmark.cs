using System.Diagnostics;
using System.Globalization;
using Labelport.Benchmarks.Generation;
using Labelport.Core.Encord;

namespace Labelport.Benchmarks.Macro;

/// <summary>
/// The offline converter end to end, as users run it: <c>labelport convert</c> as a child process over generated
/// exports of 10^4, 10^5 and 10^6 object instances, to COCO and to Encord JSON. Reports wall time, objects/s, input
/// MB/s and peak RSS (VmHWM, polled from /proc), which must stay flat as the export grows.
/// Usage: <c>dotnet run -c Release --project bench/Labelport.Benchmarks -- convert-macro [--objects 10000,100000] [--bitmasks 0.02]</c>
/// </summary>
public static class ConvertMacroBenchmark
{
    public static int Run(string[] args)
    {
        var sizes = Option(args, "--objects", "10000,100000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var bitmaskShare = double.Parse(Option(args, "--bitmasks", "0.01"), CultureInfo.InvariantCulture);
        var root = FindRepository();
        var folder = Directory.CreateDirectory(Path.Combine(root, "artifacts", "bench")).FullName;
        var cli = Path.Combine(root, "src", "Labelport", "bin", "Release", "net10.0", "labelport.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine("Build the CLI first: dotnet build src/Labelport -c Release");
            return 2;
        }
        var ontology = Path.Combine(folder, "generated.ontology.json");
        File.WriteAllText(ontology, GeneratedOntology.Json);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| objects | rows | format | input MB | output MB | seconds | objects/s | input MB/s | peak RSS MB |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var objects in sizes)
        {
            var input = Path.Combine(folder, $"export-{objects}.json");
            var rows = Generate(input, objects, bitmaskShare);
            foreach (var format in new[] { "coco", "encord" })
            {
                var output = Path.Combine(folder, $"export-{objects}.{format}.json");
                var (seconds, peakKb) = Measure("dotnet", [cli, "convert", input, "--ontology", ontology, "--to", format, "-o", output]);
                var inputMb = new FileInfo(input).Length / 1e6;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {objects} | {rows} | {format} | {inputMb:F1} | {new FileInfo(output).Length / 1e6:F1} | {seconds:F2} | {objects / seconds:F0} | {inputMb / seconds:F1} | {peakKb / 1024.0:F0} |"));
                File.Delete(output);
            }
        }
        return 0;
    }

    /// <summary>Writes rows until the export holds at least <paramref name="objects"/> object instances.</summary>
    private static long Generate(string path, long objects, double bitmaskShare)
    {
        var generator = new ExportGenerator(new ExportGeneratorOptions { Rows = int.MaxValue, BitmaskShare = bitmaskShare });
        using var file = File.Create(path);
        using var writer = new LabelRowWriter(file);
        writer.WriteStartArray();
        long written = 0;
        foreach (var row in generator.Rows())
        {
            writer.Write(row);
            writer.FlushIfNeeded();
            written += row.EnumerateObjects().LongCount();
            if (written >= objects)
            {
                break;
            }
        }
        writer.WriteEndArray();
        writer.Flush();
        return writer.RowsWritten;
    }

    private static (double Seconds, long PeakKb) Measure(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, ReadPeakKb(process.Id));
        }
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("labelport convert failed: " + stderr.Result);
        }
        return (stopwatch.Elapsed.TotalSeconds, peak);
    }

    internal static long ReadPeakKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended between polls.
        }
        return 0;
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    internal static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Labelport.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}
