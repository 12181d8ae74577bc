using System.Diagnostics;
using System.Globalization;
using Labelport.Benchmarks.Generation;
using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Server.Exports;
using Labelport.Storage;
using Labelport.Storage.Records;

namespace Labelport.Benchmarks.Macro;

/// <summary>
/// The server's export end to end: a generated project of 10^4, 10^5 and 10^6 object instances is imported into a
/// SQLite store (or PostgreSQL: <c>--backends sqlite,postgres</c>, see <see cref="BenchStore"/>), then exported as Encord JSON and as COCO by <see cref="ExportRunner"/> in a child process
/// (<see cref="ExportMacroRun"/>), so its peak RSS (VmHWM, polled from /proc) is the export's alone and must stay flat
/// as the project grows. Reports run time, rows/s, objects/s, output MB/s and peak RSS.
/// Usage: <c>dotnet run -c Release --project bench/Labelport.Benchmarks -- export-macro [--objects 10000,100000] [--bitmasks 0.01] [--page-size 10] [--backends sqlite,postgres] [--postgres CONNECTION]</c>
/// </summary>
public static class ExportMacroBenchmark
{
    private const int ImportBatch = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = ConvertMacroBenchmark.Option(args, "--objects", "10000,100000,1000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var bitmaskShare = double.Parse(ConvertMacroBenchmark.Option(args, "--bitmasks", "0.01"), CultureInfo.InvariantCulture);
        var folder = Directory.CreateDirectory(Path.Combine(ConvertMacroBenchmark.FindRepository(), "artifacts", "bench")).FullName;
        var self = typeof(ExportMacroBenchmark).Assembly.Location;
        var pageSize = ConvertMacroBenchmark.Option(args, "--page-size", new ExportWorkerOptions().PageSize.ToString(CultureInfo.InvariantCulture));
        var backends = ConvertMacroBenchmark.Option(args, "--backends", BenchStore.Sqlite).Split(',');
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| store | objects | rows | format | import s | output MB | export s | rows/s | objects/s | output MB/s | peak RSS MB |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var objects in sizes)
        {
            foreach (var backend in backends)
            {
                await MeasureAsync(args, folder, self, pageSize, bitmaskShare, objects, backend);
            }
        }
        return 0;
    }

    private static async Task MeasureAsync(string[] args, string folder, string self, string pageSize, double bitmaskShare, long objects, string backend)
    {
        var dataFolder = Path.Combine(folder, $"export-store-{backend}-{objects}");
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        var store = await BenchStore.CreateAsync(backend, dataFolder, args);
        var (project, user, rows, importSeconds) = await CreateProjectAsync(store, objects, bitmaskShare);
        foreach (var format in new[] { ExportFormats.Json, ExportFormats.Coco })
        {
            await QueueAsync(store, project, user, format);
            var (peakKb, output) = MeasureChild("dotnet", [self, ExportMacroRun.Command, dataFolder, pageSize, store.ConnectionString ?? ""]);
            var parts = output.Trim().Split(' ');
            var seconds = double.Parse(parts[1], CultureInfo.InvariantCulture);
            var written = long.Parse(parts[2], CultureInfo.InvariantCulture);
            var megabytes = long.Parse(parts[3], CultureInfo.InvariantCulture) / 1e6;
            if (written != rows)
            {
                throw new InvalidOperationException($"the export wrote {written} rows of {rows}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {backend} | {objects} | {rows} | {format} | {importSeconds:F1} | {megabytes:F1} | {seconds:F2} | {rows / seconds:F0} | {objects / seconds:F0} | {megabytes / seconds:F1} | {peakKb / 1024.0:F0} |"));
            DeleteExports(dataFolder);
        }
        await store.DropAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    /// <summary>A project over the generated ontology with rows until it holds at least <paramref name="objects"/> object instances.</summary>
    private static async Task<(string Project, UserRecord User, long Rows, double Seconds)> CreateProjectAsync(BenchStore store, long objects, double bitmaskShare)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var storage = await store.OpenAsync();
        var user = new UserRecord(Guid.NewGuid().ToString(), "bench@example.com", "Bench", null, false, DateTimeOffset.UtcNow);
        await storage.Accounts.TryCreateUserAsync(user, CancellationToken.None);
        var project = Guid.NewGuid().ToString();
        await storage.Projects.CreateProjectAsync(new ProjectRecord(project, "Bench", null, GeneratedOntology.Json, DateTimeOffset.UtcNow), user.UserId, CancellationToken.None);
        var generator = new ExportGenerator(new ExportGeneratorOptions { Rows = int.MaxValue, BitmaskShare = bitmaskShare });
        var batch = new List<LabelRowRecord>(ImportBatch);
        long written = 0;
        long rows = 0;
        foreach (var row in generator.Rows())
        {
            written += row.EnumerateObjects().LongCount();
            batch.Add(ToRecord(project, row));
            rows++;
            if (batch.Count == ImportBatch || written >= objects)
            {
                await storage.LabelRows.ImportAsync(project, batch, [], CancellationToken.None);
                batch.Clear();
            }
            if (written >= objects)
            {
                break;
            }
        }
        return (project, user, rows, stopwatch.Elapsed.TotalSeconds);
    }

    private static async Task QueueAsync(BenchStore store, string project, UserRecord user, string format)
    {
        await using var storage = await store.OpenAsync();
        var request = new ExportRequest { Format = format };
        var now = DateTimeOffset.UtcNow;
        await storage.ExportJobs.CreateAsync(new ExportJobRecord(
            Guid.NewGuid().ToString(), project, format, ExportRequestJson.Serialize(request), ExportRequestKey.Create(request),
            user.UserId, user.Email, ExportJobStatus.Queued, 0, 0, ExportFileNames.For(project, format, now),
            null, null, null, null, 0, null, null, now, null, null), CancellationToken.None);
    }

    private static LabelRowRecord ToRecord(string project, LabelRow row)
    {
        using var json = new MemoryStream();
        using (var writer = new LabelRowWriter(json))
        {
            writer.Write(row);
            writer.Flush();
        }
        var objects = row.EnumerateObjects().Count();
        var classifications = row.DataUnits.Values.Sum(u => u.Frames.Sum(f => f.Classifications.Count));
        return new LabelRowRecord(
            project, row.LabelHash!, row.DataHash, row.DataTitle ?? string.Empty, row.DataType ?? "image", row.DatasetHash,
            row.LabelStatusName ?? "NOT_LABELLED", row.AnnotationTaskStatusName,
            EncordDates.TryParse(row.CreatedAt, out var created) ? created : DateTimeOffset.UnixEpoch,
            EncordDates.TryParse(row.LastEditedAt, out var edited) ? edited : DateTimeOffset.UnixEpoch,
            objects, classifications, json.ToArray());
    }

    private static void DeleteExports(string dataFolder)
    {
        var exports = Path.Combine(dataFolder, LabelportStorage.BlobFolderName, "exports");
        if (Directory.Exists(exports))
        {
            Directory.Delete(exports, recursive: true);
        }
    }

    private static (long PeakKb, string Output) MeasureChild(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        // LABELPORT_BENCH_VERBOSE=1: the RSS breakdown (anonymous / file / shared) when the peak was reached, and the
        // child's GC figures (its stderr).
        var verbose = Environment.GetEnvironmentVariable("LABELPORT_BENCH_VERBOSE") == "1";
        string? atPeak = null;
        while (!process.WaitForExit(20))
        {
            var now = ConvertMacroBenchmark.ReadPeakKb(process.Id);
            if (verbose && now > peak)
            {
                atPeak = ReadRssBreakdown(process.Id) ?? atPeak;
            }
            peak = Math.Max(peak, now);
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("the export run failed: " + stderr.Result + stdout.Result);
        }
        if (verbose)
        {
            Console.Error.WriteLine("at peak: " + atPeak);
            Console.Error.Write(stderr.Result);
        }
        return (peak, stdout.Result);
    }

    private static string? ReadRssBreakdown(int processId)
    {
        try
        {
            return string.Join(' ', File.ReadLines($"/proc/{processId}/status")
                .Where(l => l.StartsWith("Rss", StringComparison.Ordinal))
                .Select(l => l.Replace("\t", string.Empty, StringComparison.Ordinal)));
        }
        catch (IOException)
        {
            return null; // the child exited between two polls
        }
    }
}
