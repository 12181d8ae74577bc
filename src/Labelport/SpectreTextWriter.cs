using System.Text;
using Spectre.Console;

namespace Labelport.Cli;

/// <summary>Routes System.CommandLine's help and error text to an injected console.</summary>
internal sealed class SpectreTextWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

    public override void WriteLine(string? value) => console.Profile.Out.Writer.WriteLine(value);
}
