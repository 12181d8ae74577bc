using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Labelport.Storage;
using Labelport.Storage.Records;
using Xunit.Abstractions;

namespace Labelport.Deployment.Tests;

/// <summary>
/// Two <c>labelport serve</c> processes on one PostgreSQL database and one S3 bucket. Exports are requested across
/// both; one instance is killed in the middle of its exports. Every export must end succeeded (taken over by the
/// survivor once the lease ran out) or failed with a reason, no job may run on two instances at once, and every file
/// must be complete: the rows the request selects, each once, with the bytes the job's SHA-256 names.
/// </summary>
public sealed class TwoInstanceExportTests(ITestOutputHelper output)
{
    private const int Exports = 30;
    private const int Copies = 60;

    [Fact]
    public async Task Exports_survive_the_death_of_an_instance_and_none_runs_twice_at_once()
    {
        await using var backend = await SharedBackend.CreateAsync();
        var apiKey = "lp_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var a = await ServerProcess.StartAsync("a", backend.DataFolder("a"), backend.Environment(), apiKey);
        await using var b = await ServerProcess.StartAsync("b", backend.DataFolder("b"), backend.Environment(presignDownloads: true), apiKey);

        var rows = ProjectRows.Copies("platform_export", Copies);
        var projectHash = await a.Client.CreateProjectAsync("Two instances", rows.OntologyJson);
        foreach (var chunk in rows.Chunks(60))
        {
            await b.Client.ImportRowsAsync(projectHash, chunk);
        }

        // Export i leaves out copy i: 30 different requests (an identical one would share a job), each with a known answer.
        var expected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < Exports; i++)
        {
            var selected = rows.Rows.Where(r => r.Copy != i).Select(r => r.Row).ToList();
            var request = new JsonObject { ["format"] = "json", ["dataHashes"] = new JsonArray([.. selected.Select(r => JsonValue.Create(r.DataHash))]) };
            var exportHash = await (i % 2 == 0 ? a : b).Client.RequestExportAsync(projectHash, request);
            expected[exportHash] = rows.InExportOrder(selected);
        }

        using var sampling = new CancellationTokenSource();
        var sampler = new LeaseSampler(backend.Storage.ExportJobs, [.. expected.Keys]);
        var sampled = sampler.RunAsync(sampling.Token);

        // Kill instance a while it holds an export that has started writing and is not finished.
        var killAt = await WaitForAsync(TimeSpan.FromSeconds(120), () => sampler.HoldsUnfinishedStartedJob(a.ProcessId), "instance a to be in the middle of an export");
        var seenRunningFromB = await b.Client.GetExportAsync(sampler.JobHeldBy(a.ProcessId)!);
        a.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"killed a (pid {a.ProcessId}) at {killedAt:O}, {killAt.TotalSeconds:F1}s after the requests; b saw its job {seenRunningFromB.Status} {seenRunningFromB.Done}/{seenRunningFromB.Total}");
        Assert.Equal("running", seenRunningFromB.Status);

        var finished = new Dictionary<string, ExportJobView>(StringComparer.Ordinal);
        await WaitForAsync(TimeSpan.FromSeconds(240), async () =>
        {
            foreach (var hash in expected.Keys.Where(h => !finished.ContainsKey(h)))
            {
                var job = await b.Client.GetExportAsync(hash);
                if (job.IsFinished)
                {
                    finished[hash] = job;
                }
            }
            return finished.Count == Exports;
        }, "every export to finish", () => b.RecentOutput);
        await sampling.CancelAsync();
        await sampled;

        var records = new Dictionary<string, ExportJobRecord>(StringComparer.Ordinal);
        foreach (var hash in expected.Keys)
        {
            records[hash] = (await backend.Storage.ExportJobs.FindAsync(hash, CancellationToken.None))!;
        }
        var takenOver = records.Values.Count(r => r.Attempts > 1);
        output.WriteLine($"{finished.Values.Count(j => j.Status == "succeeded")} succeeded, {finished.Values.Count(j => j.Status == "failed")} failed, {takenOver} taken over; {sampler.Samples} samples");
        foreach (var (hash, job) in finished)
        {
            Assert.True(job.Status == "succeeded" || (job.Status == "failed" && !string.IsNullOrWhiteSpace(job.Error)), $"{hash}: {job.Status} {job.Error}");
        }
        Assert.True(takenOver >= 1, "instance a was killed holding a job, so at least one job must have been taken over");

        // No job ran twice at once: each attempt had one owner; a's attempts all began before it died, and whatever
        // a held was claimed again only after a was dead and its lease had run out.
        foreach (var (hash, attempts) in sampler.OwnersByAttempt())
        {
            foreach (var (attempt, owners) in attempts)
            {
                Assert.True(owners.Count == 1, $"{hash} attempt {attempt} had owners {string.Join(", ", owners)}");
                if (LeaseSampler.OwnerPid(owners.Single()) == a.ProcessId)
                {
                    Assert.True(sampler.FirstSeen(hash, attempt) < killedAt, $"{hash} attempt {attempt} by a was first seen after a was killed");
                }
            }
            var record = records[hash];
            var previous = attempts.Keys.Where(n => n < record.Attempts).DefaultIfEmpty(0).Max();
            if (previous > 0 && LeaseSampler.OwnerPid(attempts[previous].Single()) == a.ProcessId)
            {
                Assert.True(record.StartedAt > killedAt, $"{hash} was taken over at {record.StartedAt:O}, before a died at {killedAt:O}");
                Assert.True(record.StartedAt >= sampler.LastLeaseExpiry(hash, previous), $"{hash} was taken over before a's lease ran out");
                Assert.NotEqual(a.ProcessId, LeaseSampler.OwnerPid(record.LeaseOwner!));
            }
        }

        // Every file complete and correct, downloaded through b (a presigned S3 redirect) and checked byte for byte.
        foreach (var (hash, job) in finished.Where(f => f.Value.Status == "succeeded"))
        {
            var (bytes, servedFrom) = await b.Client.DownloadAsync(hash);
            Assert.Equal(backend.S3.ServiceUrl.Authority, servedFrom.Authority);
            Assert.Equal(job.Size, bytes.Length);
            Assert.Equal(job.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            using var document = JsonDocument.Parse(bytes);
            var labelHashes = document.RootElement.EnumerateArray().Select(row => row.GetProperty("label_hash").GetString()!).ToList();
            Assert.Equal(expected[hash], labelHashes);
            Assert.All(document.RootElement.EnumerateArray(), row => Assert.Equal(hash, row.GetProperty("export_hash").GetString()));
        }
    }

    private static async Task<TimeSpan> WaitForAsync(TimeSpan timeout, Func<bool> condition, string what) =>
        await WaitForAsync(timeout, () => Task.FromResult(condition()), what);

    private static async Task<TimeSpan> WaitForAsync(TimeSpan timeout, Func<Task<bool>> condition, string what, Func<string>? diagnostics = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout} for {what}." + (diagnostics is null ? "" : "\n" + diagnostics()));
            }
            await Task.Delay(25);
        }
        return watch.Elapsed;
    }

    /// <summary>Watches the jobs' leases in the shared database from outside the servers, every few milliseconds.</summary>
    private sealed class LeaseSampler(IExportJobStore jobs, IReadOnlyList<string> exportHashes)
    {
        private readonly ConcurrentDictionary<(string Hash, int Attempt), ConcurrentDictionary<string, DateTimeOffset>> owners = new();
        private readonly ConcurrentDictionary<(string Hash, int Attempt), DateTimeOffset> leaseExpiry = new();
        private readonly ConcurrentDictionary<string, ExportJobRecord> latest = new(StringComparer.Ordinal);

        public int Samples { get; private set; }

        public static int OwnerPid(string workerId) => int.Parse(workerId.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var hash in exportHashes)
                {
                    if (await jobs.FindAsync(hash, CancellationToken.None) is not { } job)
                    {
                        continue;
                    }
                    latest[hash] = job;
                    if (job is { Status: ExportJobStatus.Running, LeaseOwner: { } owner })
                    {
                        owners.GetOrAdd((hash, job.Attempts), _ => new()).TryAdd(owner, DateTimeOffset.UtcNow);
                        if (job.LeaseExpiresAt is { } expiry)
                        {
                            leaseExpiry.AddOrUpdate((hash, job.Attempts), expiry, (_, seen) => expiry > seen ? expiry : seen);
                        }
                    }
                }
                Samples++;
            }
        }

        public bool HoldsUnfinishedStartedJob(int pid) => JobHeldBy(pid) is not null;

        public string? JobHeldBy(int pid) => latest.Values
            .Where(j => j is { Status: ExportJobStatus.Running, LeaseOwner: { } owner, ProgressDone: > 0 } && OwnerPid(owner) == pid && j.ProgressDone < j.ProgressTotal)
            .Select(j => j.ExportHash)
            .FirstOrDefault();

        public Dictionary<string, Dictionary<int, List<string>>> OwnersByAttempt() => owners
            .GroupBy(o => o.Key.Hash)
            .ToDictionary(g => g.Key, g => g.ToDictionary(o => o.Key.Attempt, o => o.Value.Keys.ToList()), StringComparer.Ordinal);

        public DateTimeOffset FirstSeen(string hash, int attempt) => owners[(hash, attempt)].Values.Min();

        public DateTimeOffset LastLeaseExpiry(string hash, int attempt) => leaseExpiry[(hash, attempt)];
    }
}
