using Labelport.Cli;

return await LabelportCli.RunAsync(args, CliConsole.FromProcess()).ConfigureAwait(false);
