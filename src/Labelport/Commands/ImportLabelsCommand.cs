using System.CommandLine;

namespace Labelport.Cli.Commands;

/// <summary>
/// <c>labelport import labels FILE… --project HASH</c>: each file (one label row or an array, either Encord dialect) is
/// validated by the server against the project's ontology and stored, or rejected as a whole with one line per problem.
/// Prints the stored label hashes, one per line.
/// </summary>
internal static class ImportLabelsCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new ServerOptions();
        var files = new Argument<string[]>("FILE") { Description = "Encord JSON files: one label row or an array of rows each.", Arity = ArgumentArity.OneOrMore };
        var project = new Option<string>("--project") { Description = "The project's hash.", Required = true };
        var command = new Command("labels", "Import Encord JSON label rows into a project (validated against its ontology; all or nothing per file).");
        command.Arguments.Add(files);
        server.AddTo(command);
        command.Options.Add(project);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!server.TryCreateClient(result, out var client, out var error))
            {
                console.WriteErrorLine(error);
                return LabelportCli.Usage;
            }
            using (client)
            {
                var projectHash = result.GetValue(project)!;
                foreach (var path in result.GetValue(files)!)
                {
                    if (!File.Exists(path))
                    {
                        console.WriteErrorLine(path + ": no such file");
                        return LabelportCli.Failed;
                    }
                    try
                    {
                        var stream = File.OpenRead(path);
                        await using (stream.ConfigureAwait(false))
                        {
                            var imported = await client.LabelRows.ImportAsync(projectHash, stream, cancellationToken).ConfigureAwait(false);
                            console.WriteErrorLine($"{path}: imported {imported.Imported} label rows");
                            foreach (var labelHash in imported.LabelHashes)
                            {
                                console.WriteLine(labelHash);
                            }
                        }
                    }
                    catch (Exception e) when (ServerErrors.IsExpected(e))
                    {
                        console.WriteErrorLine(path + ": not imported");
                        return ServerErrors.Report(console, e, client.Server.ToString());
                    }
                }
                return 0;
            }
        });
        return command;
    }
}
