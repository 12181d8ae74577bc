using Labelport.Cli;
using Labelport.Cli.Commands;
using Labelport.Tests.Shared;

namespace Labelport.Client.Tests.Api;

/// <summary><c>labelport export</c> / <c>import</c> command lines that cannot work exit 2 with a message, before any request.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ExportCommandUsageTests
{
    [Theory]
    [InlineData("export", "--api-key", "k", "--project", "p", "--format", "json")]
    [InlineData("export", "--server", "http://127.0.0.1:9", "--project", "p", "--format", "json")]
    [InlineData("export", "--server", "ftp://x", "--api-key", "k", "--project", "p", "--format", "json")]
    [InlineData("export", "--server", "http://127.0.0.1:9", "--api-key", "k", "--format", "json")]
    [InlineData("export", "--server", "http://127.0.0.1:9", "--api-key", "k", "--project", "p", "--format", "xml")]
    [InlineData("export", "--server", "http://127.0.0.1:9", "--api-key", "k", "--project", "p", "--format", "json", "--ttl", "1h")]
    [InlineData("export", "--server", "http://127.0.0.1:9", "--api-key", "k", "--project", "p", "--format", "json", "--signed-urls", "--ttl", "soon")]
    [InlineData("export", "--server", "http://127.0.0.1:9", "--api-key", "k", "--project", "p", "--format", "json", "--timeout", "-5")]
    [InlineData("import", "labels", "--server", "http://127.0.0.1:9", "--api-key", "k", "--project", "p")]
    [InlineData("import", "media", "--api-key", "k", "--dataset", "d", "x.png")]
    [InlineData("import", "media", "--server", "http://127.0.0.1:9", "--api-key", "k", "--dataset", "d", "--kind", "gif", "x.png")]
    public async Task Unusable_command_lines_exit_2_with_a_message(params string[] args)
    {
        using var environment = EnvironmentCollection.Without();
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(LabelportCli.Usage, result.ExitCode);
        Assert.NotEmpty(result.Error.Trim());
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_and_key_come_from_the_environment_when_not_given()
    {
        using var environment = EnvironmentCollection.With("http://127.0.0.1:9", "lp_from_environment");
        var result = await CliRunner.RunAsync("export", "--project", "p", "--format", "json");
        // Not a usage error: the command tried the server from LABELPORT_SERVER (nothing listens on port 9).
        Assert.Equal(LabelportCli.Failed, result.ExitCode);
        Assert.Contains("cannot reach http://127.0.0.1:9/", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3600", 3600)]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("12h", 43200)]
    [InlineData("7d", 604800)]
    [InlineData("1.5h", 5400)]
    public void Durations_parse(string text, double seconds)
    {
        Assert.True(ExportCommand.TryParseDuration(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1w")]
    [InlineData("h")]
    [InlineData("1e400")]
    public void Bad_durations_do_not_parse(string text) => Assert.False(ExportCommand.TryParseDuration(text, out _));
}
