using Labelport.Core.Model;

namespace Labelport.Benchmarks.Generation;

public sealed partial class ExportGenerator
{
    private GeneratedTrack NewTrack(Random random, bool allowMasks)
    {
        var pick = random.Next(100);
        if (allowMasks && _masks is not null && random.NextDouble() < Options.BitmaskShare)
        {
            var rle = _masks.Pick(random);
            return Track(random, GeneratedOntology.Bitmask, "bitmask", "Sky", "#73D8FF", (_, _) => new BitmaskGeometry(0, 0, Options.Height, Options.Width, rle));
        }
        var x = Coordinate(random, 0.05, 0.6);
        var y = Coordinate(random, 0.05, 0.6);
        var w = Coordinate(random, 0.02, 0.3);
        var h = Coordinate(random, 0.02, 0.3);
        switch (pick)
        {
            case < 30:
                return Track(random, GeneratedOntology.Box, "bounding_box", "Vehicle", "#D33115", (r, f) =>
                    new BoundingBox(Drift(r, x, f), Drift(r, y, f), w, h));
            case < 40:
                var theta = Coordinate(random, 0, 90);
                return Track(random, GeneratedOntology.RotatedBox, "rotatable_bounding_box", "Sign", "#FE9200", (r, f) =>
                    new RotatableBoundingBox(Drift(r, x, f), Drift(r, y, f), w, h, theta));
            case < 60:
                var complex = random.Next(4) == 0;
                return Track(random, GeneratedOntology.Polygon, "polygon", "Road", "#FCDC00", (r, f) => Polygon(r, Drift(r, x, f), Drift(r, y, f), w, h, complex));
            case < 70:
                var count = 2 + random.Next(6);
                return Track(random, GeneratedOntology.Polyline, "polyline", "Lane", "#DBDF00", (r, f) => new PolylineGeometry(Points(r, Drift(r, x, f), Drift(r, y, f), w, h, count)));
            case < 80:
                return Track(random, GeneratedOntology.Point, "point", "Light", "#A4DD00", (r, f) => new PointGeometry(new NormalizedPoint(Drift(r, x, f), Drift(r, y, f))));
            default:
                var flags = random.Next(2) == 0;
                return Track(random, GeneratedOntology.Skeleton, "skeleton", "Person", "#68CCCA", (r, f) => Skeleton(r, Drift(r, x, f), Drift(r, y, f), w, h, flags));
        }
    }

    private static GeneratedTrack Track(Random random, string featureHash, string shape, string name, string color, Func<Random, int, ShapeGeometry> geometry)
    {
        var edited = random.Next(3) == 0;
        var template = new ObjectInstance
        {
            ObjectHash = ShortHash(random),
            FeatureHash = featureHash,
            ShapeName = shape,
            Name = name,
            Color = color,
            Value = name.ToLowerInvariant(),
            CreatedAt = Date(random),
            CreatedBy = "annotator@example.com",
            Confidence = 1,
            LastEditedAt = edited ? Date(random) : null,
            LastEditedBy = edited ? "reviewer@example.com" : null,
        };
        return new GeneratedTrack(template, geometry);
    }

    /// <summary>Moves a coordinate a little per frame, staying inside the image.</summary>
    private static double Drift(Random random, double start, int frame) =>
        frame == 0 ? start : Math.Round(Math.Clamp(start + (frame * 0.002) + (0.001 * random.NextDouble()), 0, 0.69), 6);

    private static List<NormalizedPoint> Points(Random random, double x, double y, double w, double h, int count)
    {
        var points = new List<NormalizedPoint>(count);
        for (var i = 0; i < count; i++)
        {
            points.Add(new NormalizedPoint(Coordinate(random, x, x + w), Coordinate(random, y, y + h)));
        }
        return points;
    }

    private static PolygonGeometry Polygon(Random random, double x, double y, double w, double h, bool complex)
    {
        var outer = Ring(random, x, y, w, h, 5 + random.Next(8));
        if (!complex)
        {
            return new PolygonGeometry([new[] { outer }]) { HasPolygonsKey = true };
        }
        // A polygon with a hole in its middle, plus a second separate polygon.
        var hole = Ring(random, x + (w * 0.4), y + (h * 0.4), w * 0.2, h * 0.2, 4);
        var second = Ring(random, Math.Min(x + w + 0.01, 0.95), y, 0.04, 0.04, 4);
        return new PolygonGeometry([new[] { outer, hole }, new[] { second }]) { HasPolygonsKey = true };
    }

    /// <summary>A star-shaped ring (angles in order around the centre), so it never crosses itself.</summary>
    private static double[] Ring(Random random, double x, double y, double w, double h, int points)
    {
        var ring = new double[points * 2];
        var cx = x + (w / 2);
        var cy = y + (h / 2);
        for (var i = 0; i < points; i++)
        {
            var angle = 2 * Math.PI * i / points;
            var radius = 0.6 + (0.4 * random.NextDouble());
            ring[2 * i] = Math.Round(Math.Clamp(cx + (Math.Cos(angle) * radius * w / 2), 0, 1), 6);
            ring[(2 * i) + 1] = Math.Round(Math.Clamp(cy + (Math.Sin(angle) * radius * h / 2), 0, 1), 6);
        }
        return ring;
    }

    private static SkeletonGeometry Skeleton(Random random, double x, double y, double w, double h, bool flagForm)
    {
        var template = GeneratedOntology.Structure.SkeletonTemplates[0];
        var points = new List<SkeletonPoint>(template.Points.Count);
        foreach (var p in template.Points)
        {
            var state = random.Next(6);
            var point = new SkeletonPoint
            {
                X = Math.Round(x + (p.X * w), 6),
                Y = Math.Round(y + (p.Y * h), 6),
                Name = p.Name,
                Color = p.Color,
                Value = p.Name.Replace(' ', '_'),
                FeatureHash = p.FeatureHash,
            };
            if (flagForm)
            {
                // The older web-app form: several boolean flags at once.
                point.Invisible = state == 0;
                point.Occluded = state == 1;
                point.Visible = state > 1;
            }
            else
            {
                point.Visibility = state switch { 0 => "invisible", 1 => "occluded", 2 => "selfOccluded", _ => "visible" };
            }
            points.Add(point);
        }
        return new SkeletonGeometry(points);
    }
}
