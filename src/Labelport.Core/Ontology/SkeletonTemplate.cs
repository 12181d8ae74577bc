namespace Labelport.Core.Ontology;

/// <summary>A skeleton template: named points by index and the edges between them.</summary>
public sealed class SkeletonTemplate
{
    public required string Name { get; init; }

    public string? FeatureNodeHash { get; init; }

    public IReadOnlyList<SkeletonTemplatePoint> Points { get; init; } = [];

    public IReadOnlyList<(int From, int To)> Edges { get; init; } = [];
}
