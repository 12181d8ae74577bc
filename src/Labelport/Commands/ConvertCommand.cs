using System.CommandLine;
using Labelport.Core.Export;
using Labelport.Core.Json;
using Labelport.Core.Validation;

namespace Labelport.Cli.Commands;

/// <summary><c>labelport convert INPUT --ontology O --to coco|encord [-o OUT] [filters]</c>.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("INPUT") { Description = "A label row or an array of label rows (an Encord JSON export)." };
        var ontology = new Option<string>("--ontology") { Description = "The project's ontology JSON.", Required = true };
        var to = new Option<string>("--to") { Description = "Target format: coco or encord.", Required = true };
        to.AcceptOnlyFromAmong("coco", "encord");
        var output = new Option<string?>("--output", "-o") { Description = "Output file (written atomically). Standard output when absent." };
        var indent = new Option<bool>("--indent") { Description = "Indent the JSON output." };
        var filters = new FilterOptions();
        var command = new Command("convert", "Convert Encord label rows to COCO or to normalised Encord JSON.");
        command.Arguments.Add(input);
        command.Options.Add(ontology);
        command.Options.Add(to);
        command.Options.Add(output);
        command.Options.Add(indent);
        filters.AddTo(command);
        command.SetAction(result => Run(
            console,
            new ConvertRequest(result.GetValue(input)!, result.GetValue(ontology)!, result.GetValue(to)!, result.GetValue(output), result.GetValue(indent), filters.Parse(result))));
        return command;
    }

    private static int Run(CliConsole console, ConvertRequest request)
    {
        if (!InputFiles.TryReadOntology(request.OntologyPath, out var ontology, out var error))
        {
            return Fail(console, error);
        }
        var unknown = ExportFilterValidator.FindUnknown(request.Filter, ontology);
        if (unknown.Count > 0)
        {
            return Fail(console, string.Join(Environment.NewLine, unknown));
        }
        if (!InputFiles.TryOpen(request.InputPath, out var input, out error))
        {
            return Fail(console, error);
        }
        using (input)
        {
            AtomicFile? file = null;
            if (request.OutputPath is not null && !AtomicFile.TryCreate(request.OutputPath, out file, out error))
            {
                return Fail(console, error);
            }
            using (file)
            {
                var destination = file?.Stream ?? console.OpenStandardOutput();
                try
                {
                    var summary = request.Format == "coco"
                        ? ConvertPipeline.ToCoco(input, destination, ontology, request.Filter, request.Indent)
                        : ConvertPipeline.ToEncord(input, destination, ontology, request.Filter, request.Indent);
                    file?.Commit();
                    if (file is null)
                    {
                        destination.Flush();
                    }
                    console.WriteErrorLine(summary.Describe(request.Format));
                    return 0;
                }
                catch (LabelFormatException e)
                {
                    return Fail(console, e.Message);
                }
                catch (LabelValidationException e)
                {
                    foreach (var problem in e.Problems)
                    {
                        console.WriteErrorLine(problem.ToString());
                    }
                    return LabelportCli.Failed;
                }
            }
        }
    }

    private static int Fail(CliConsole console, string message)
    {
        console.WriteErrorLine(message);
        return LabelportCli.Failed;
    }

    private sealed record ConvertRequest(string InputPath, string OntologyPath, string Format, string? OutputPath, bool Indent, ExportFilter Filter);
}
