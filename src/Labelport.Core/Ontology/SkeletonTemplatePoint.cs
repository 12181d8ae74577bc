namespace Labelport.Core.Ontology;

/// <summary>A point of a skeleton template.</summary>
public sealed record SkeletonTemplatePoint(string Name, string? FeatureHash, double X, double Y, string? Color);
