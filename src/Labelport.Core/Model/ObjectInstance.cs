using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>An object instance on one frame (spec §4). The same <see cref="ObjectHash"/> repeats on every frame of its track.</summary>
public sealed class ObjectInstance
{
    public required string ObjectHash { get; set; }

    public required string FeatureHash { get; set; }

    /// <summary>The wire <c>shape</c> as read (kept for shapes this version does not model).</summary>
    public required string ShapeName { get; set; }

    public ShapeKind Shape => ShapeNames.Parse(ShapeName);

    public string? Name { get; set; }

    public string? Color { get; set; }

    public string? Value { get; set; }

    public string? CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public double? Confidence { get; set; }

    public bool? ManualAnnotation { get; set; }

    public string? LastEditedAt { get; set; }

    public string? LastEditedBy { get; set; }

    public bool? IsDeleted { get; set; }

    /// <summary>The typed geometry of a 2-D shape; null for shapes carried opaquely in <see cref="Extras"/> (cuboids, segmentation).</summary>
    public ShapeGeometry? Geometry { get; set; }

    public JsonExtras Extras { get; } = new();
}
