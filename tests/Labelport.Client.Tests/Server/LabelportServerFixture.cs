using System.Buffers.Text;
using System.Security.Cryptography;
using Labelport.Server;
using Labelport.Server.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Labelport.Client.Tests.Server;

/// <summary>
/// A real Labelport server (Kestrel on 127.0.0.1, random port, SQLite in a temp folder) with a known admin API key.
/// Derived fixtures may change the server options (e.g. no export worker).
/// </summary>
public class LabelportServerFixture : IAsyncLifetime
{
    /// <summary>How long a test waits for an export before it fails (generous: the machine is shared).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private WebApplication? _app;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "labelport-sdk-" + Guid.NewGuid().ToString("N")[..12]);

    public string AdminApiKey { get; } = "lp_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public Uri Address { get; private set; } = null!;

    /// <summary>False: the export worker is stopped after start, so jobs stay queued (as behind a busy worker).</summary>
    protected virtual bool RunsExports => true;

    public LabelportClient CreateClient(TimeSpan? pollInterval = null, string? apiKey = null)
        => new(new HttpClient { Timeout = TimeSpan.FromMinutes(2) }, new LabelportClientOptions
        {
            Server = Address,
            ApiKey = apiKey ?? AdminApiKey,
            PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(100),
        });

    public async Task InitializeAsync()
    {
        var options = new LabelportServerOptions
        {
            DataFolder = DataFolder,
            Urls = ["http://127.0.0.1:0"],
            AdminApiKey = AdminApiKey,
            AdminPassword = "sdk-tests-password",
            JsonConsoleLogs = false,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        };
        _app = await LabelportServer.BuildAsync(options, CancellationToken.None);
        Address = await LabelportServer.StartAsync(_app, CancellationToken.None);
        if (!RunsExports)
        {
            await _app.Services.GetRequiredService<ExportWorker>().StopAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
