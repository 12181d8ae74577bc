namespace Labelport.Core.Ontology;

/// <summary>A frame-level or global classification; its first attribute names it.</summary>
public sealed class OntologyClassification
{
    public string? Id { get; init; }

    public required string FeatureNodeHash { get; init; }

    /// <summary><c>global</c> for global classifications, otherwise null (frame level).</summary>
    public string? Level { get; init; }

    public bool IsGlobal => Level == "global";

    public IReadOnlyList<OntologyAttribute> Attributes { get; init; } = [];

    /// <summary>The display name: the first attribute's name (classifications have no name of their own).</summary>
    public string Name => Attributes.Count > 0 ? Attributes[0].Name : FeatureNodeHash;
}
