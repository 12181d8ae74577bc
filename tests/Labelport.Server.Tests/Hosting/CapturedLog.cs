using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Labelport.Server.Tests.Hosting;

/// <summary>A logger provider that keeps every entry (category, level, event id, formatted message).</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>
    /// The entries once <paramref name="done"/> holds (or after 10 s): an access-log entry is written after its
    /// response is sent, so the client can be a moment ahead of it.
    /// </summary>
    public async Task<IReadOnlyList<CapturedLogEntry>> WaitForAsync(Func<IReadOnlyList<CapturedLogEntry>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done(Entries) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        return Entries;
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}
