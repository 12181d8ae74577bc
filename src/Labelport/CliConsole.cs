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

    /// <summary>
    /// One plain line on <see cref="Out"/>, never wrapped: Spectre wraps at the console width (80 columns when
    /// redirected), which would split a <c>path: message</c> problem line that scripts parse.
    /// </summary>
    public void WriteLine(string text) => Out.Profile.Out.Writer.WriteLine(text);

    /// <summary>One plain, unwrapped line on <see cref="Error"/>.</summary>
    public void WriteErrorLine(string text) => Error.Profile.Out.Writer.WriteLine(text);

    /// <summary>Raw standard output for machine-readable payloads (JSON written to stdout).</summary>
    public Stream OpenStandardOutput() => openStandardOutput();

    public static CliConsole FromProcess()
    {
        var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new CliConsole(output, error, Console.OpenStandardOutput, !Console.IsErrorRedirected);
    }
}
