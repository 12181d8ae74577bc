#if LABELPORT_CLI_TESTS
using System.Text;
using Labelport.Cli;
using Spectre.Console;

namespace Labelport.Tests.Shared;

/// <summary>Runs the real <c>labelport</c> command line in-process against an injected console.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var stdout = new MemoryStream();
        var console = new CliConsole(
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No }),
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No }),
            () => new NonClosingStream(stdout),
            errorIsTerminal: false);
        var exitCode = await LabelportCli.RunAsync(args, console);
        return new CliResult(exitCode, output.ToString() + Encoding.UTF8.GetString(stdout.ToArray()), error.ToString(), stdout.ToArray());
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}

/// <summary>What a command printed and returned. <see cref="Stdout"/> is the raw byte payload.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error, byte[] Stdout);
#endif
