using Labelport.Core.Model;
using Labelport.Server.Exports;
using Labelport.Server.Media;
using Labelport.Storage;
using Labelport.Storage.Files;
using Labelport.Storage.Records;
using Microsoft.Extensions.Logging.Abstractions;

namespace Labelport.Server.Tests.Exports;

/// <summary>
/// A real SQLite store and blob folder in a fresh temp folder, a user who requests exports, and helpers to make
/// projects, queue and claim jobs, and build runners and workers on that store. Everything is deleted on dispose.
/// </summary>
internal sealed class ExportTestEnvironment : IAsyncDisposable
{
    public static readonly Uri PublicBaseUri = new("http://127.0.0.1:5123/lp/");

    private ExportTestEnvironment(string folder, LabelportStorage storage, MediaUrlSigner signer, UserRecord user)
    {
        Folder = folder;
        Storage = storage;
        Signer = signer;
        User = user;
        RunnerOptions = new ExportRunnerOptions { PublicBaseUri = PublicBaseUri, TemporaryFolder = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName };
    }

    public string Folder { get; }

    public LabelportStorage Storage { get; }

    public MediaUrlSigner Signer { get; }

    public UserRecord User { get; }

    public ExportRunnerOptions RunnerOptions { get; }

    public IExportJobStore Jobs => Storage.ExportJobs;

    public static async Task<ExportTestEnvironment> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "labelport-exports-" + Guid.NewGuid().ToString("N")[..12]);
        var storage = await TestBackend.OpenStorageAsync(folder);
        var user = new UserRecord(Guid.NewGuid().ToString(), "exporter@example.com", "Exporter", null, false, DateTimeOffset.UtcNow);
        Assert.True(await storage.Accounts.TryCreateUserAsync(user, CancellationToken.None));
        return new ExportTestEnvironment(folder, storage, MediaUrlSigner.LoadOrCreate(folder), user);
    }

    public async Task<string> CreateProjectAsync(string ontologyJson)
    {
        var projectHash = Guid.NewGuid().ToString();
        await Storage.Projects.CreateProjectAsync(new ProjectRecord(projectHash, "Project " + projectHash[..8], null, ontologyJson, DateTimeOffset.UtcNow), User.UserId, CancellationToken.None);
        return projectHash;
    }

    /// <summary>Stores the rows (fresh copies: <paramref name="rows"/> are not changed) as external data.</summary>
    public async Task ImportAsync(string projectHash, IEnumerable<LabelRow> rows)
    {
        using var input = new MemoryStream(FixtureRows.ToJson(rows));
        var records = Core.Encord.LabelRowReader.ReadAll(input).Select(row => StoredRows.From(projectHash, row)).ToList();
        await Storage.LabelRows.ImportAsync(projectHash, records, [], CancellationToken.None);
    }

    /// <summary>Queues a job as the API does; <paramref name="requestJson"/> replaces the stored request (for broken jobs).</summary>
    public async Task<ExportJobRecord> QueueAsync(string projectHash, ExportRequest request, DateTimeOffset? createdAt = null, string? requestJson = null)
    {
        var now = createdAt ?? DateTimeOffset.UtcNow;
        var job = new ExportJobRecord(
            Guid.NewGuid().ToString(), projectHash, request.Format, requestJson ?? ExportRequestJson.Serialize(request), ExportRequestKey.Create(request),
            User.UserId, User.Email, ExportJobStatus.Queued, 0, 0, ExportFileNames.For(projectHash, request.Format, now),
            null, null, null, null, 0, null, null, now, null, null);
        await Jobs.CreateAsync(job, CancellationToken.None);
        return job;
    }

    /// <summary>Claims the oldest claimable job for <paramref name="workerId"/>; it must be <paramref name="expected"/>.</summary>
    public async Task<ExportJobRecord> ClaimAsync(ExportJobRecord expected, string workerId, DateTimeOffset? now = null, TimeSpan? lease = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var claimed = await Jobs.TryClaimAsync(workerId, at, at + (lease ?? TimeSpan.FromSeconds(30)), CancellationToken.None);
        Assert.NotNull(claimed);
        Assert.Equal(expected.ExportHash, claimed.ExportHash);
        return claimed;
    }

    public async Task<ExportJobRecord> FindAsync(ExportJobRecord job) =>
        await Jobs.FindAsync(job.ExportHash, CancellationToken.None) ?? throw new InvalidOperationException("job vanished");

    public ExportRunner Runner(ExportWorkerOptions? options = null) => new(
        Storage.Projects, Storage.LabelRows, Storage.ExportJobs, Storage.Blobs, Signer, TimeProvider.System, RunnerOptions,
        options ?? new ExportWorkerOptions());

    public ExportWorker Worker(ExportWorkerOptions options, ExportWorkSignal? signal = null) => new(
        Storage.ExportJobs, Runner(options), signal ?? new ExportWorkSignal(), TimeProvider.System, options, NullLogger<ExportWorker>.Instance);

    /// <summary>Runs a queued job to its end with a fresh claim; the job must be the only claimable one.</summary>
    public async Task<(ExportRunOutcome Outcome, ExportJobRecord Job)> ExportAsync(ExportJobRecord queued, ExportWorkerOptions? options = null)
    {
        var claimed = await ClaimAsync(queued, "test-worker");
        var outcome = await Runner(options).RunAsync(claimed, CancellationToken.None);
        return (outcome, await FindAsync(queued));
    }

    public async Task<byte[]> ReadFileAsync(ExportJobRecord job)
    {
        Assert.NotNull(job.BlobKey);
        await using var stream = await Storage.Blobs.OpenReadAsync(job.BlobKey, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Every file under the blob folder (published or not), relative, sorted.</summary>
    public IReadOnlyList<string> BlobFiles()
    {
        if (Storage.Blobs is not FileSystemBlobStore)
        {
            return TestBackend.ListPublishedBlobs(Folder);
        }
        var root = Path.Combine(Folder, LabelportStorage.BlobFolderName);
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)]
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        await TestBackend.ReleaseAsync(Folder);
        Directory.Delete(Folder, recursive: true);
    }
}
