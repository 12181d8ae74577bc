using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>A classification instance's answers (<c>classification_answers[classificationHash]</c>, spec §7.2).</summary>
public sealed class ClassificationAnswer
{
    public required string ClassificationHash { get; set; }

    /// <summary>The classification's feature hash. Web-app exports omit it; the reader then takes it from the frame instances.</summary>
    public string? FeatureHash { get; set; }

    public List<AttributeAnswer> Classifications { get; } = [];

    public JsonExtras Extras { get; } = new();
}
