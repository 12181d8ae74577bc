using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Labelport.Server.Tests.Api;

/// <summary>The bootstrap admin is generated and printed once; --demo seeds only an empty data folder.</summary>
public sealed partial class BootstrapTests
{
    [Fact]
    public async Task Generated_admin_credentials_are_printed_once_and_work_and_the_demo_is_seeded_once()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "labelport-bootstrap-" + Guid.NewGuid().ToString("N"));
        try
        {
            var firstLines = await StartAndStopAsync(dataFolder, async (lines, baseAddress) =>
            {
                var key = Assert.Single(lines.Select(l => ApiKeyLine().Match(l)), m => m.Success).Groups[1].Value;
                var password = Assert.Single(lines.Select(l => PasswordLine().Match(l)), m => m.Success).Groups[1].Value;
                using var client = new HttpClient { BaseAddress = baseAddress };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("isSystemAdmin").GetBoolean());
                Assert.Single((await client.GetFromJsonAsync<JsonElement[]>("/api/projects"))!);
                using var anonymous = new HttpClient { BaseAddress = baseAddress };
                var signIn = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { email = "admin@labelport.local", password });
                Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            });
            Assert.Contains(firstLines, l => l.StartsWith("Labelport is listening on http://127.0.0.1:", StringComparison.Ordinal));
            Assert.Contains(firstLines, l => l.Contains("demo-annotator@labelport.local", StringComparison.Ordinal));

            var secondLines = await StartAndStopAsync(dataFolder, async (_, baseAddress) =>
            {
                using var client = new HttpClient { BaseAddress = baseAddress };
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            });
            Assert.DoesNotContain(secondLines, l => ApiKeyLine().IsMatch(l) || PasswordLine().IsMatch(l));
            Assert.DoesNotContain(secondLines, l => l.StartsWith("Demo: seeded", StringComparison.Ordinal));
        }
        finally
        {
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<List<string>> StartAndStopAsync(string dataFolder, Func<List<string>, Uri, Task> check)
    {
        var lines = new List<string>();
        var options = new LabelportServerOptions
        {
            DataFolder = dataFolder,
            Urls = ["http://127.0.0.1:0"],
            Demo = true,
            JsonConsoleLogs = false,
            Announce = line => { lock (lines) { lines.Add(line); } },
        };
        await using var app = await LabelportServer.BuildAsync(options, CancellationToken.None);
        var baseAddress = await LabelportServer.StartAsync(app, CancellationToken.None);
        await check(lines, baseAddress);
        await app.StopAsync();
        return lines;
    }

    [GeneratedRegex(@"API key .*: (lp_[A-Za-z0-9_-]{43})$")]
    private static partial Regex ApiKeyLine();

    [GeneratedRegex(@"with the password (\S+) ")]
    private static partial Regex PasswordLine();
}
