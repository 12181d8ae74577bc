namespace Labelport.Core.Tests.Encord;

/// <summary>One difference between two JSON trees; <see cref="Before"/>/<see cref="After"/> are raw JSON (null when absent).</summary>
internal sealed record JsonDifference(string Path, DifferenceKind Kind, string? Before, string? After)
{
    public override string ToString() => Path + ": " + Kind switch
    {
        DifferenceKind.Added => "added " + After,
        DifferenceKind.Removed => "removed " + Before,
        _ => Before + " -> " + After,
    };
}
