namespace Labelport.Core.Ontology;

/// <summary>An attribute of an ontology object or classification (spec §8): radio, checklist, text or numeric.</summary>
public sealed class OntologyAttribute
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public required AttributeType Type { get; init; }

    public required string TypeName { get; init; }

    public required string FeatureNodeHash { get; init; }

    public bool Required { get; init; }

    public bool Dynamic { get; init; }

    public bool Archived { get; init; }

    public IReadOnlyList<OntologyOption> Options { get; init; } = [];
}
