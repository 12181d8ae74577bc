using System.Collections.Frozen;

namespace Labelport.Core.Ontology;

/// <summary>
/// A project's ontology (Encord's "structure", spec §8) with lookups by feature node hash for objects,
/// classifications, attributes (at any depth) and options.
/// </summary>
public sealed class OntologyStructure
{
    private readonly FrozenDictionary<string, OntologyObject> _objects;
    private readonly FrozenDictionary<string, OntologyClassification> _classifications;
    private readonly FrozenDictionary<string, OntologyAttribute> _attributes;
    private readonly FrozenDictionary<string, OntologyOption> _options;

    public OntologyStructure(
        IReadOnlyList<OntologyObject> objects,
        IReadOnlyList<OntologyClassification> classifications,
        IReadOnlyList<SkeletonTemplate> skeletonTemplates)
    {
        Objects = objects;
        Classifications = classifications;
        SkeletonTemplates = skeletonTemplates;
        var attributes = new Dictionary<string, OntologyAttribute>(StringComparer.Ordinal);
        var options = new Dictionary<string, OntologyOption>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            Collect(o.Attributes, attributes, options);
        }
        foreach (var c in classifications)
        {
            Collect(c.Attributes, attributes, options);
        }
        _objects = objects.DistinctBy(o => o.FeatureNodeHash).ToFrozenDictionary(o => o.FeatureNodeHash, StringComparer.Ordinal);
        _classifications = classifications.DistinctBy(c => c.FeatureNodeHash).ToFrozenDictionary(c => c.FeatureNodeHash, StringComparer.Ordinal);
        _attributes = attributes.ToFrozenDictionary(StringComparer.Ordinal);
        _options = options.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<OntologyObject> Objects { get; }

    public IReadOnlyList<OntologyClassification> Classifications { get; }

    public IReadOnlyList<SkeletonTemplate> SkeletonTemplates { get; }

    public bool TryGetObject(string featureHash, out OntologyObject ontologyObject) =>
        _objects.TryGetValue(featureHash, out ontologyObject!);

    public bool TryGetClassification(string featureHash, out OntologyClassification classification) =>
        _classifications.TryGetValue(featureHash, out classification!);

    public bool TryGetAttribute(string featureHash, out OntologyAttribute attribute) =>
        _attributes.TryGetValue(featureHash, out attribute!);

    public bool TryGetOption(string featureHash, out OntologyOption option) =>
        _options.TryGetValue(featureHash, out option!);

    private static void Collect(
        IReadOnlyList<OntologyAttribute> list,
        Dictionary<string, OntologyAttribute> attributes,
        Dictionary<string, OntologyOption> options)
    {
        foreach (var attribute in list)
        {
            attributes.TryAdd(attribute.FeatureNodeHash, attribute);
            foreach (var option in attribute.Options)
            {
                options.TryAdd(option.FeatureNodeHash, option);
                Collect(option.NestedAttributes, attributes, options);
            }
        }
    }
}
