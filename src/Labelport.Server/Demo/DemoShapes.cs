using Labelport.Core.Masks;
using Labelport.Core.Model;

namespace Labelport.Server.Demo;

/// <summary>Object instances of every 2-D shape for the demo rows, in normalised coordinates.</summary>
internal sealed class DemoShapes(string createdAt, string createdBy)
{
    private int _next;

    public string NewHash() => "dm" + (++_next).ToString("x6", System.Globalization.CultureInfo.InvariantCulture);

    public ObjectInstance Car(double x, double y, string? objectHash = null) =>
        Object(DemoOntology.Car, "bounding_box", "Car", "#D33115", new BoundingBox(x, y, 0.19, 0.15), objectHash);

    public ObjectInstance Sign() =>
        Object(DemoOntology.Sign, "rotatable_bounding_box", "Sign", "#FE9200", new RotatableBoundingBox(0.05, 0.1, 0.08, 0.12, 15));

    /// <summary>A multi-polygon: the lake with an island (a hole), and a second pond.</summary>
    public ObjectInstance Lake() => Object(DemoOntology.Lake, "polygon", "Lake", "#0062B1", new PolygonGeometry(
    [
        [
            [0.53, 0.5, 0.72, 0.39, 0.9, 0.5, 0.72, 0.61],
            [0.68, 0.47, 0.76, 0.47, 0.72, 0.53],
        ],
        [
            [0.1, 0.62, 0.18, 0.6, 0.2, 0.7, 0.12, 0.72],
        ],
    ])
    { HasPolygonsKey = true });

    public ObjectInstance Path() => Object(DemoOntology.Path, "polyline", "Path", "#FCDC00",
        new PolylineGeometry([new NormalizedPoint(0.0, 0.9), new NormalizedPoint(0.3, 0.8), new NormalizedPoint(0.6, 0.85), new NormalizedPoint(1.0, 0.78)]));

    public ObjectInstance Lamp() => Object(DemoOntology.Lamp, "point", "Lamp", "#A4DD00", new PointGeometry(new NormalizedPoint(0.42, 0.2)));

    public ObjectInstance Person() => Object(DemoOntology.Person, "skeleton", "Person", "#68CCCA", new SkeletonGeometry(
    [
        new SkeletonPoint { X = 0.3, Y = 0.35, Name = "head", Color = "#000000", Value = "head", FeatureHash = "dmSkHead", Visibility = "visible" },
        new SkeletonPoint { X = 0.3, Y = 0.5, Name = "hip", Color = "#000000", Value = "hip", FeatureHash = "dmSkHip1", Visibility = "occluded" },
        new SkeletonPoint { X = 0.31, Y = 0.66, Name = "foot", Color = "#000000", Value = "foot", FeatureHash = "dmSkFoot", Visibility = "visible" },
    ]));

    /// <summary>The grass: every row from <see cref="DemoMedia.GrassTop"/> down, as Encord's RLE string.</summary>
    public ObjectInstance Grass(int width, int height)
    {
        var mask = new byte[width * height];
        var top = height * 3 / 4;
        mask.AsSpan(top * width).Fill(1);
        var rle = EncordBitmask.Encode(mask, height, width);
        return Object(DemoOntology.Grass, "bitmask", "Grass", "#16A085", new BitmaskGeometry(0, 0, height, width, rle));
    }

    private ObjectInstance Object(string featureHash, string shape, string name, string color, ShapeGeometry geometry, string? objectHash = null) => new()
    {
        ObjectHash = objectHash ?? NewHash(),
        FeatureHash = featureHash,
        ShapeName = shape,
        Name = name,
        Color = color,
        Value = name.ToLowerInvariant(),
        CreatedAt = createdAt,
        CreatedBy = createdBy,
        LastEditedAt = createdAt,
        LastEditedBy = createdBy,
        Confidence = 1,
        ManualAnnotation = true,
        Geometry = geometry,
    };
}
