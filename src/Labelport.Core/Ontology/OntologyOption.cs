namespace Labelport.Core.Ontology;

/// <summary>An option of a radio or checklist attribute; radio options may nest further attributes.</summary>
public sealed class OntologyOption
{
    public string? Id { get; init; }

    public required string Label { get; init; }

    public string? Value { get; init; }

    public required string FeatureNodeHash { get; init; }

    public bool Archived { get; init; }

    public IReadOnlyList<OntologyAttribute> NestedAttributes { get; init; } = [];
}
