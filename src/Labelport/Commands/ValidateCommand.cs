using System.CommandLine;
using Labelport.Core.Encord;
using Labelport.Core.Validation;

namespace Labelport.Cli.Commands;

/// <summary><c>labelport validate INPUT --ontology O</c>: exit 0 when valid, else 1 and one <c>path: message</c> line per problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("INPUT") { Description = "A label row or an array of label rows." };
        var ontology = new Option<string>("--ontology") { Description = "The project's ontology JSON.", Required = true };
        var command = new Command("validate", "Check label rows against an ontology; print one line per problem.");
        command.Arguments.Add(input);
        command.Options.Add(ontology);
        command.SetAction(result => Run(console, result.GetValue(input)!, result.GetValue(ontology)!));
        return command;
    }

    private static int Run(CliConsole console, string inputPath, string ontologyPath)
    {
        if (!InputFiles.TryReadOntology(ontologyPath, out var ontology, out var error))
        {
            console.WriteErrorLine(error);
            return LabelportCli.Failed;
        }
        if (!InputFiles.TryOpen(inputPath, out var input, out error))
        {
            console.WriteErrorLine(error);
            return LabelportCli.Failed;
        }
        using (input)
        {
            var validator = new LabelRowValidator(ontology);
            var problems = 0;
            var rows = 0;
            foreach (var result in LabelRowReader.ReadEach(input))
            {
                if (result.Error is not null)
                {
                    console.WriteLine(result.Error.Message);
                    problems++;
                    continue;
                }
                rows++;
                foreach (var problem in validator.Validate(result.Row!, result.Index))
                {
                    console.WriteLine(problem.ToString());
                    problems++;
                }
            }
            if (problems > 0)
            {
                console.WriteErrorLine(problems + " problem(s) in " + inputPath);
                return LabelportCli.Failed;
            }
            console.WriteErrorLine(inputPath + ": " + rows + " label row(s), valid");
            return 0;
        }
    }
}
