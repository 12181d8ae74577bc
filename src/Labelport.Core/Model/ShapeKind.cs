namespace Labelport.Core.Model;

/// <summary>The <c>shape</c> of an ontology object and of its instances (spec §4).</summary>
public enum ShapeKind
{
    Unknown = 0,
    BoundingBox,
    RotatableBoundingBox,
    Polygon,
    Polyline,
    Point,
    Bitmask,
    Skeleton,
    Cuboid,
    Cuboid2D,
    Segmentation,
    Audio,
    Text,
}
