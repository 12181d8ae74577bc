using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>A classification instance on one frame (spec §6); its answers live in <see cref="LabelRow.ClassificationAnswers"/>.</summary>
public sealed class ClassificationInstance
{
    public required string ClassificationHash { get; set; }

    public required string FeatureHash { get; set; }

    public string? Name { get; set; }

    public string? Value { get; set; }

    public string? CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public double? Confidence { get; set; }

    public bool? ManualAnnotation { get; set; }

    public string? LastEditedAt { get; set; }

    public string? LastEditedBy { get; set; }

    public JsonExtras Extras { get; } = new();
}
