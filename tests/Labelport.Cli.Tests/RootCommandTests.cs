using Labelport.Tests.Shared;

namespace Labelport.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Help_exits_zero_and_names_the_tool()
    {
        var result = await CliRunner.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Labelport", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("frobnicate");
        Assert.Equal(LabelportCli.Usage, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }
}
