namespace Labelport.Core.Ontology;

/// <summary>The type of an ontology attribute (spec §8).</summary>
public enum AttributeType
{
    Unknown = 0,
    Radio,
    Checklist,
    Text,
    Numeric,
}
