using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Labelport.Server.Tests.Api;

/// <summary>The real <c>labelport serve</c> as a child process (labelport.dll from the test output folder).</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ServeProcess> StartAsync(string dataFolder, string adminApiKey, int leaseSeconds)
    {
        var port = FreePort();
        var start = StartInfo(dataFolder, "http://127.0.0.1:" + port);
        start.Environment["LABELPORT_ADMIN_API_KEY"] = adminApiKey;
        start.Environment["LABELPORT_EXPORT_LEASE_SECONDS"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var serve = new ServeProcess(process, new Uri("http://127.0.0.1:" + port + "/"));
        using var client = new HttpClient { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("labelport serve exited with " + process.ExitCode);
            }
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                serve.Kill();
                throw new TimeoutException("labelport serve did not answer /health");
            }
            await Task.Delay(100);
        }
    }

    /// <summary><c>dotnet labelport.dll serve --data … --urls …</c> with stdout and stderr redirected.</summary>
    public static ProcessStartInfo StartInfo(string dataFolder, string urls)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "labelport.dll"), "serve", "--data", dataFolder, "--urls", urls })
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    /// <summary>Not graceful: the whole process tree dies at once.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager stops it; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        // libc's kill(2): no dependency on a kill binary (procps is not on every fresh machine).
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException("kill(SIGTERM) failed with errno " + Marshal.GetLastPInvokeError());
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
