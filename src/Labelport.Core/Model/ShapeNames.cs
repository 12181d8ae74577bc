namespace Labelport.Core.Model;

/// <summary>Wire names of <see cref="ShapeKind"/>.</summary>
public static class ShapeNames
{
    public static ShapeKind Parse(string? shape) => shape switch
    {
        "bounding_box" => ShapeKind.BoundingBox,
        "rotatable_bounding_box" => ShapeKind.RotatableBoundingBox,
        "polygon" => ShapeKind.Polygon,
        "polyline" => ShapeKind.Polyline,
        "point" => ShapeKind.Point,
        "bitmask" => ShapeKind.Bitmask,
        "skeleton" => ShapeKind.Skeleton,
        "cuboid" => ShapeKind.Cuboid,
        "cuboid_2d" => ShapeKind.Cuboid2D,
        "segmentation" => ShapeKind.Segmentation,
        "audio" => ShapeKind.Audio,
        "text" => ShapeKind.Text,
        _ => ShapeKind.Unknown,
    };

    public static string ToWire(ShapeKind shape) => shape switch
    {
        ShapeKind.BoundingBox => "bounding_box",
        ShapeKind.RotatableBoundingBox => "rotatable_bounding_box",
        ShapeKind.Polygon => "polygon",
        ShapeKind.Polyline => "polyline",
        ShapeKind.Point => "point",
        ShapeKind.Bitmask => "bitmask",
        ShapeKind.Skeleton => "skeleton",
        ShapeKind.Cuboid => "cuboid",
        ShapeKind.Cuboid2D => "cuboid_2d",
        ShapeKind.Segmentation => "segmentation",
        ShapeKind.Audio => "audio",
        ShapeKind.Text => "text",
        _ => "unknown",
    };

    /// <summary>The JSON key that carries an instance's geometry for a shape, or null for non-frame shapes.</summary>
    public static string? PayloadKey(ShapeKind shape) => shape switch
    {
        ShapeKind.BoundingBox => "boundingBox",
        ShapeKind.RotatableBoundingBox => "rotatableBoundingBox",
        ShapeKind.Polygon => "polygon",
        ShapeKind.Polyline => "polyline",
        ShapeKind.Point => "point",
        ShapeKind.Bitmask => "bitmask",
        ShapeKind.Skeleton => "skeleton",
        ShapeKind.Cuboid => "cuboid",
        ShapeKind.Cuboid2D => "cuboid_2d",
        ShapeKind.Segmentation => "segmentation",
        _ => null,
    };
}
