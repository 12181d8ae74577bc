using Labelport.Core.Model;

namespace Labelport.Benchmarks.Generation;

/// <summary>A frame classification instance that repeats on every frame it applies to.</summary>
internal sealed class GeneratedClassification(string classificationHash, string featureHash, string name, string createdAt)
{
    public ClassificationInstance Copy() => new()
    {
        ClassificationHash = classificationHash,
        FeatureHash = featureHash,
        Name = name,
        Value = name.ToLowerInvariant().Replace(' ', '_'),
        CreatedAt = createdAt,
        CreatedBy = "annotator@example.com",
        Confidence = 1,
        ManualAnnotation = true,
    };
}
