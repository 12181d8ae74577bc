using System.Diagnostics;
using System.Globalization;
using Labelport.Server.Exports;
using Labelport.Server.Media;

namespace Labelport.Benchmarks.Macro;

/// <summary>
/// The child process of <see cref="ExportMacroBenchmark"/>: opens the store (SQLite in the data folder, or the
/// PostgreSQL database of the third argument), claims its one
/// queued export job and runs it through <see cref="ExportRunner"/>, then prints
/// <c>outcome seconds rows bytes</c> (seconds of the run alone, without process start).
/// </summary>
public static class ExportMacroRun
{
    public const string Command = "export-macro-run";

    public static async Task<int> RunAsync(string[] args)
    {
        var dataFolder = args[0];
        var connectionString = args.Length > 2 && args[2].Length > 0 ? args[2] : null;
        await using var storage = await new BenchStore(connectionString is null ? BenchStore.Sqlite : BenchStore.Postgres, dataFolder, connectionString).OpenAsync();
        var workerOptions = new ExportWorkerOptions { WorkerId = "bench" };
        if (args.Length > 1)
        {
            workerOptions.PageSize = int.Parse(args[1], CultureInfo.InvariantCulture);
        }
        var runnerOptions = new ExportRunnerOptions
        {
            PublicBaseUri = new Uri("http://127.0.0.1:5000/"),
            TemporaryFolder = Directory.CreateDirectory(Path.Combine(dataFolder, "tmp")).FullName,
        };
        var runner = new ExportRunner(
            storage.Projects, storage.LabelRows, storage.ExportJobs, storage.Blobs, MediaUrlSigner.LoadOrCreate(dataFolder),
            TimeProvider.System, runnerOptions, workerOptions);
        var now = DateTimeOffset.UtcNow;
        var job = await storage.ExportJobs.TryClaimAsync(workerOptions.WorkerId, now, now + workerOptions.LeaseDuration, CancellationToken.None)
            ?? throw new InvalidOperationException("no queued export job in " + dataFolder);
        var stopwatch = Stopwatch.StartNew();
        var outcome = await runner.RunAsync(job, CancellationToken.None);
        stopwatch.Stop();
        var done = await storage.ExportJobs.FindAsync(job.ExportHash, CancellationToken.None);
        if (outcome != ExportRunOutcome.Succeeded || done is null)
        {
            await Console.Error.WriteLineAsync($"export {job.ExportHash}: {outcome} {done?.Error}");
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome} {stopwatch.Elapsed.TotalSeconds:F3} {done.ProgressDone} {done.Size}"));
        var gc = GC.GetGCMemoryInfo();
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"gc: heap {gc.HeapSizeBytes / 1e6:F0} MB, committed {gc.TotalCommittedBytes / 1e6:F0} MB, gen2 collections {GC.CollectionCount(2)}, total allocated {GC.GetTotalAllocatedBytes() / 1e9:F1} GB, live after a full collection {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB, threads {System.Diagnostics.Process.GetCurrentProcess().Threads.Count}"));
        return 0;
    }
}
