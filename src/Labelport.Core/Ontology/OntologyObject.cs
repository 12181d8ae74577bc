using Labelport.Core.Model;

namespace Labelport.Core.Ontology;

/// <summary>An ontology object: what instances of one kind look like (name, colour, shape, attributes).</summary>
public sealed class OntologyObject
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public string? Color { get; init; }

    public required string ShapeName { get; init; }

    public ShapeKind Shape => ShapeNames.Parse(ShapeName);

    public required string FeatureNodeHash { get; init; }

    public bool Required { get; init; }

    public bool Archived { get; init; }

    public IReadOnlyList<OntologyAttribute> Attributes { get; init; } = [];
}
