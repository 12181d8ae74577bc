using System.Collections.Concurrent;
using Labelport.Storage;
using Labelport.Storage.Records;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelport.Server.Exports;

/// <summary>
/// Claims export jobs and runs them, at most <see cref="ExportWorkerOptions.Concurrency"/> at once. Wakes when
/// <see cref="ExportWorkSignal"/> is notified, or every <see cref="ExportWorkerOptions.PollInterval"/> (jobs queued by
/// another process; leases of a dead process that ran out — that is the restart recovery). A job claimed more than
/// <see cref="ExportWorkerOptions.MaxAttempts"/> times is failed. On shutdown it stops claiming and lets running
/// jobs finish within the host's shutdown timeout; those that do not are stopped and re-queued, never left running.
/// </summary>
public sealed class ExportWorker : BackgroundService
{
    private static readonly TimeSpan RequeueWait = TimeSpan.FromSeconds(10);

    private readonly IExportJobStore _jobs;
    private readonly ExportRunner _runner;
    private readonly ExportWorkSignal _signal;
    private readonly TimeProvider _time;
    private readonly ExportWorkerOptions _options;
    private readonly ILogger<ExportWorker> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abortJobs = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public ExportWorker(IExportJobStore jobs, ExportRunner runner, ExportWorkSignal signal, TimeProvider time, ExportWorkerOptions options, ILogger<ExportWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1, nameof(options));
        _jobs = jobs;
        _runner = runner;
        _signal = signal;
        _time = time;
        _options = options;
        _logger = logger;
        _slots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
    }

    /// <summary>Jobs this worker is running now.</summary>
    public int RunningJobs => _running.Count;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown timeout: jobs still running when it fires are stopped and re-queued.
        await using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abortJobs))
        {
            await base.StopAsync(cancellationToken);
        }
        _abortJobs.Cancel();
        if (ExecuteTask is { IsCompleted: false } execute)
        {
            try
            {
                await execute.WaitAsync(RequeueWait, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("Export jobs did not stop within {Wait}; their leases will expire and they will be taken over", RequeueWait);
            }
        }
    }

    public override void Dispose()
    {
        _abortJobs.Dispose();
        _slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _slots.WaitAsync(stoppingToken);
                var job = await TryClaimAsync(stoppingToken);
                if (job is null)
                {
                    _slots.Release();
                    await _signal.WaitAsync(_options.PollInterval, _time, stoppingToken);
                    continue;
                }
                if (job.Attempts > _options.MaxAttempts)
                {
                    await AbandonAsync(job);
                    _slots.Release();
                    continue;
                }
                var run = RunAsync(job);
                _running[job.ExportHash] = run;
                _ = run.ContinueWith(
                    (finished, key) => _running.TryRemove(new KeyValuePair<string, Task>((string)key!, finished)),
                    job.ExportHash,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(_running.Values);
    }

    private async Task<ExportJobRecord?> TryClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            var now = _time.GetUtcNow();
            return await _jobs.TryClaimAsync(_options.WorkerId, now, now + _options.LeaseDuration, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store is unreachable for now: try again at the next poll.
            _logger.LogError(e, "Claiming an export job failed");
            return null;
        }
    }

    private async Task AbandonAsync(ExportJobRecord job)
    {
        var reason = $"abandoned after {_options.MaxAttempts} attempts";
        _logger.LogWarning("Export {ExportHash} {Reason}", job.ExportHash, reason);
        try
        {
            await _jobs.TryFailAsync(job.ExportHash, _options.WorkerId, reason, _time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Failing abandoned export {ExportHash} failed", job.ExportHash);
        }
    }

    private async Task RunAsync(ExportJobRecord job)
    {
        await Task.Yield();
        try
        {
            var outcome = await _runner.RunAsync(job, _abortJobs.Token);
            if (outcome == ExportRunOutcome.Stopped)
            {
                var requeued = await _jobs.TryRequeueAsync(job.ExportHash, _options.WorkerId, CancellationToken.None);
                _logger.LogInformation("Export {ExportHash} stopped by shutdown; re-queued: {Requeued}", job.ExportHash, requeued);
            }
        }
        catch (Exception e)
        {
            // Infrastructure (the store went away): the job keeps its lease until it expires, then it is retried.
            _logger.LogError(e, "Export {ExportHash} stopped by an error; it is retried when its lease expires", job.ExportHash);
        }
        finally
        {
            _slots.Release();
            _signal.Notify();
        }
    }
}
