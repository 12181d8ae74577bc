using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.RegularExpressions;
using Labelport.Tests.Shared;

namespace Labelport.Deployment.Tests;

/// <summary>
/// One real <c>labelport serve</c> child process on a free loopback port, with its own data folder and the given
/// environment (database, S3, admin key). <see cref="Kill"/> ends it at once (SIGKILL), as a crashed machine would.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private const int LogLinesKept = 400;

    private readonly Process process;
    private readonly ConcurrentQueue<string> log = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(string name, Process process, string apiKey)
    {
        Name = name;
        this.process = process;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public string Name { get; }

    public Uri BaseUrl => Client.BaseAddress ?? throw new InvalidOperationException("Not started.");

    public int ProcessId => process.Id;

    public HttpClient Client { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process printed (for failure messages).</summary>
    public string RecentOutput => string.Join('\n', log);

    public static async Task<ServerProcess> StartAsync(string name, string dataFolder, IReadOnlyDictionary<string, string> environment, string apiKey)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { CliPath, "serve", "--data", dataFolder, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("LABELPORT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["LABELPORT_ADMIN_API_KEY"] = apiKey;
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(name, process, apiKey);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(server.listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != server.listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"labelport serve ({name}) did not start:\n{server.RecentOutput}");
        }
        server.Client.BaseAddress = await server.listening.Task;
        using var health = await server.Client.GetAsync(new Uri("health", UriKind.Relative));
        health.EnsureSuccessStatusCode();
        return server;
    }

    /// <summary>Ends the process at once, without a graceful stop: its leases are left to expire.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Client.Dispose();
    }

    /// <summary>The built <c>labelport.dll</c> next to this test's configuration (the project reference builds it).</summary>
    private static string CliPath
    {
        get
        {
            var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var path = Path.Combine(TestData.RepositoryRoot, "src", "Labelport", "bin", configuration, "net10.0", "labelport.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Labelport first (dotnet build -c " + configuration + ").", path);
        }
    }

    [GeneratedRegex(@"Labelport is listening on (\S+)")]
    private static partial Regex ListeningLine();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        log.Enqueue(line);
        while (log.Count > LogLinesKept && log.TryDequeue(out _))
        {
            // Keep the tail only.
        }
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }
}
