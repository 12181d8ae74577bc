using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Labelport.Server.Tests.Hosting;

/// <summary>The access log: one entry per request, with status and caller, and nothing secret.</summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private const string Category = "Labelport.Server.Hosting.RequestLogMiddleware";

    private readonly ServerFixture _server = new();
    private readonly CapturedLog _log = new();

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        // Added after start: LoggerFactory hands the new provider to the loggers it already made.
        _server.Services.GetRequiredService<ILoggerFactory>().AddProvider(_log);
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Each_request_is_logged_once_with_method_path_status_and_caller_but_no_query_or_key()
    {
        using var admin = _server.AdminClient();
        using var anonymous = _server.Client();
        var adminId = (await _server.Services.GetRequiredService<Labelport.Storage.IAccountStore>()
            .FindUserByEmailAsync(ServerFixture.AdminEmail, CancellationToken.None))!.UserId;

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/projects?secret=do-not-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/exports/no-such-export")).StatusCode);

        var entries = await _log.WaitForAsync(e => e.Count(x => x.Category == Category) >= 3);
        var requests = entries.Where(e => e.Category == Category).ToList();
        // Two clients, two connections: the entries of one may come before or after those of the other.
        Assert.Equal(3, requests.Count);
        AssertOne(requests, "GET /api/projects 200 ", $" ms user {adminId} (ApiKey) from 127.0.0.1");
        AssertOne(requests, "GET /api/projects 401 ", " ms user - (-) from 127.0.0.1");
        AssertOne(requests, "GET /api/exports/no-such-export 404 ", $" ms user {adminId} (ApiKey) from 127.0.0.1");
        Assert.All(requests, e => Assert.Equal(LogLevel.Information, e.Level));
        // /health is logged at Debug, below the server's level: load balancers poll it every few seconds.
        Assert.DoesNotContain(entries, e => e.Message.Contains("/health", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains("do-not-log", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains(_server.AdminApiKey, StringComparison.Ordinal));
    }

    private static void AssertOne(List<CapturedLogEntry> entries, string start, string end)
        => Assert.Single(entries, e => e.Message.StartsWith(start, StringComparison.Ordinal) && e.Message.EndsWith(end, StringComparison.Ordinal));
}
