using Labelport.Core.Model;

namespace Labelport.Benchmarks.Generation;

/// <summary>An object track: the instance fields shared by every frame and a geometry that drifts a little per frame.</summary>
internal sealed class GeneratedTrack(ObjectInstance template, Func<Random, int, ShapeGeometry> geometryAt)
{
    public ObjectInstance Template { get; } = template;

    public ObjectInstance At(Random random, int frame) => new()
    {
        ObjectHash = Template.ObjectHash,
        FeatureHash = Template.FeatureHash,
        ShapeName = Template.ShapeName,
        Name = Template.Name,
        Color = Template.Color,
        Value = Template.Value,
        CreatedAt = Template.CreatedAt,
        CreatedBy = Template.CreatedBy,
        Confidence = Template.Confidence,
        ManualAnnotation = frame == 0 || random.Next(4) != 0,
        LastEditedAt = Template.LastEditedAt,
        LastEditedBy = Template.LastEditedBy,
        Geometry = geometryAt(random, frame),
    };
}
