using BenchmarkDotNet.Running;
using Labelport.Benchmarks.Macro;

// Macro benchmarks run whole programs and measure wall time and peak RSS; everything else is BenchmarkDotNet.
if (args.Length > 0 && args[0] == "convert-macro")
{
    return ConvertMacroBenchmark.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "export-macro")
{
    return await ExportMacroBenchmark.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == ExportMacroRun.Command)
{
    return await ExportMacroRun.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
