using Spectre.Console;

namespace Labelport.Cli;

/// <summary>
/// Everything a command writes goes through here, so tests can run commands in-process
/// and read what a user would have seen (Spectre.Console style: the console is injected).
/// </summary>
public sealed class CliConsole(IAnsiConsole output, IAnsiConsole error, Func<Stream> openStandardOutput, bool errorIsTerminal)
{
    /// <summary>Human-readable output (results, summaries).</summary>
    public IAnsiConsole Out { get; } = output;

    /// <summary>Diagnostics, progress and problems.</summary>
    public IAnsiConsole Error { get; } = error;

    /// <summary>True when stderr is an interactive terminal (progress bars are shown only then).</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    /// <summary>Writes one line to standard output as is (no markup, no wrapping): for lines scripts parse.</summary>
    public void WriteLine(string line) => Out.Profile.Out.Writer.WriteLine(line);

    /// <summary>Writes one line to standard error as is (no markup, no wrapping).</summary>
    public void WriteErrorLine(string line) => Error.Profile.Out.Writer.WriteLine(line);

    /// <summary>Raw standard output for machine-readable payloads (JSON written to stdout).</summary>
    public Stream OpenStandardOutput() => openStandardOutput();

    public static CliConsole FromProcess()
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new CliConsole(output, error, Console.OpenStandardOutput, !Console.IsErrorRedirected);
    }
}
