using System.CommandLine;
using Labelport.Core.Export;

namespace Labelport.Cli.Commands;

/// <summary>The export filter options shared by <c>convert</c> and <c>export</c>: comma-separated lists.</summary>
internal sealed class FilterOptions
{
    public Option<string[]> Files { get; } = List("--files", "Keep only label rows with these data hashes (an image group's hash keeps the whole group).");

    public Option<string[]> Statuses { get; } = List("--statuses", "Keep only label rows with these label statuses, e.g. LABELLED,REVIEWED.");

    public Option<string[]> Objects { get; } = List("--objects", "Keep only object instances of these ontology object feature hashes.");

    public Option<string[]> Classifications { get; } = List("--classifications", "Keep only classification instances of these ontology classification feature hashes.");

    public void AddTo(Command command)
    {
        command.Options.Add(Files);
        command.Options.Add(Statuses);
        command.Options.Add(Objects);
        command.Options.Add(Classifications);
    }

    public ExportFilter Parse(ParseResult result) => new()
    {
        DataHashes = SetOf(result.GetValue(Files)),
        LabelStatuses = SetOf(result.GetValue(Statuses)),
        ObjectFeatureHashes = SetOf(result.GetValue(Objects)),
        ClassificationFeatureHashes = SetOf(result.GetValue(Classifications)),
    };

    private static HashSet<string>? SetOf(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                set.Add(part);
            }
        }
        return set;
    }

    private static Option<string[]> List(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
    };
}
