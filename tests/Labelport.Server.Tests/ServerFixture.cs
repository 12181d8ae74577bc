using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Labelport.Server.Tests;

/// <summary>
/// Starts the production host (<see cref="LabelportServer"/>) on <c>http://127.0.0.1:0</c> with a fresh temporary data
/// folder and a known admin (credentials passed as options, not environment variables), and removes it all on
/// dispose. Copy this into other test projects, or subclass it and override <see cref="Configure"/>.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "admin-password-1";

    private WebApplication? _app;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "labelport-server-tests-" + Guid.NewGuid().ToString("N"));

    public string AdminApiKey { get; } = "lp_test" + Guid.NewGuid().ToString("N");

    public Uri BaseAddress { get; private set; } = null!;

    public WebApplication App => _app ?? throw new InvalidOperationException("The server is not started.");

    public IServiceProvider Services => App.Services;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Options on top of the fixture's; override to seed the demo, change limits or pick another store.</summary>
    protected virtual LabelportServerOptions Configure(LabelportServerOptions options) => options;

    public async Task InitializeAsync()
    {
        var options = await TestBackend.ApplyAsync(Configure(new LabelportServerOptions
        {
            DataFolder = DataFolder,
            Urls = ["http://127.0.0.1:0"],
            AdminEmail = AdminEmail,
            AdminPassword = AdminPassword,
            AdminApiKey = AdminApiKey,
            JsonConsoleLogs = false,
            ExportLease = TimeSpan.FromSeconds(10),
            // Tests sign in often (CreateUserAsync); the limit itself is tested with its own fixture.
            SignInPermitsPerMinute = 10_000,
        }));
        _app = await LabelportServer.BuildAsync(options, CancellationToken.None);
        BaseAddress = await LabelportServer.StartAsync(_app, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await TestBackend.ReleaseAsync(DataFolder);
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A client with the given API key (none: anonymous).</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return client;
    }

    public HttpClient AdminClient() => Client(AdminApiKey);

    /// <summary>Creates a user (as the admin), signs in as them by cookie and makes them an API key.</summary>
    public async Task<TestUser> CreateUserAsync(string name)
    {
        var email = name + "-" + Guid.NewGuid().ToString("N")[..8] + "@test.local";
        const string password = "password-" + "12345";
        using var admin = AdminClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { email, name, password });
        created.EnsureSuccessStatusCode();
        var user = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = BaseAddress };
        (await browser.PostAsJsonAsync("/api/auth/sign-in", new { email, password })).EnsureSuccessStatusCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/api-keys") { Content = JsonContent.Create(new { name = "tests" }) };
        request.Headers.Add("X-Labelport-Csrf", "1");
        var key = await browser.SendAsync(request);
        key.EnsureSuccessStatusCode();
        var apiKey = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        return new TestUser(user, email, password, apiKey);
    }

    /// <summary>Creates a project (as the admin) with an ontology from tests/data, returning its hash.</summary>
    public async Task<string> CreateProjectAsync(string ontologyJson, string title = "test project", HttpClient? client = null)
    {
        using var ontology = JsonDocument.Parse(ontologyJson);
        using var admin = AdminClient();
        var response = await (client ?? admin).PostAsJsonAsync("/api/projects", new { title, ontology = ontology.RootElement });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("projectHash").GetString()!;
    }

    public async Task AddMemberAsync(string projectHash, string email, string role)
    {
        using var admin = AdminClient();
        (await admin.PostAsJsonAsync("/api/projects/" + projectHash + "/members", new { email, role })).EnsureSuccessStatusCode();
    }
}
