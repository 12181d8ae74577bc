using System.Globalization;
using Labelport.Core.Json;
using Labelport.Core.Masks;
using Labelport.Core.Model;
using Labelport.Core.Ontology;

namespace Labelport.Core.Validation;

public sealed partial class LabelRowValidator
{
    private void ValidateObject(DataUnit unit, ObjectInstance instance, JsonPath path, List<ValidationProblem> problems, Dictionary<string, OntologyObject> objectShapes)
    {
        CheckDate(instance.CreatedAt, path, "createdAt", problems);
        if (instance.Confidence is { } confidence && (confidence < 0 || confidence > 1 || double.IsNaN(confidence)))
        {
            problems.Add(new(path.Child("confidence"), "must be in [0, 1], found " + Format(confidence)));
        }
        if (!ontology.TryGetObject(instance.FeatureHash, out var definition))
        {
            problems.Add(new(path.Child("featureHash"), "unknown object featureHash \"" + instance.FeatureHash + "\" (not in the ontology)"));
            return;
        }
        objectShapes.TryAdd(instance.ObjectHash, definition);
        if (definition.ShapeName != instance.ShapeName)
        {
            problems.Add(new(path.Child("shape"), "\"" + instance.ShapeName + "\" does not match the ontology object \"" + definition.Name + "\", which is a " + definition.ShapeName));
            return;
        }
        switch (instance.Geometry)
        {
            case BoundingBox box:
                path.Push("boundingBox");
                CheckBox(box.X, box.Y, box.W, box.H, path, problems);
                path.Pop();
                break;
            case RotatableBoundingBox box:
                path.Push("rotatableBoundingBox");
                CheckBox(box.X, box.Y, box.W, box.H, path, problems);
                if (!double.IsFinite(box.Theta))
                {
                    problems.Add(new(path.Child("theta"), "must be a finite number of degrees, found " + Format(box.Theta)));
                }
                path.Pop();
                break;
            case PolygonGeometry polygon:
                CheckPolygon(polygon, path, problems);
                break;
            case PolylineGeometry polyline:
                path.Push("polyline");
                if (polyline.Points.Count < 2)
                {
                    problems.Add(new(path.ToString(), "a polyline needs at least 2 points, found " + polyline.Points.Count));
                }
                for (var i = 0; i < polyline.Points.Count; i++)
                {
                    CheckPoint(polyline.Points[i].X, polyline.Points[i].Y, path, i.ToString(CultureInfo.InvariantCulture), problems);
                }
                path.Pop();
                break;
            case PointGeometry point:
                path.Push("point");
                CheckPoint(point.Point.X, point.Point.Y, path, "0", problems);
                path.Pop();
                break;
            case SkeletonGeometry skeleton:
                path.Push("skeleton");
                for (var i = 0; i < skeleton.Points.Count; i++)
                {
                    CheckPoint(skeleton.Points[i].X, skeleton.Points[i].Y, path, i.ToString(CultureInfo.InvariantCulture), problems);
                    var visibility = skeleton.Points[i].Visibility;
                    if (visibility is not (null or "visible" or "invisible" or "occluded" or "selfOccluded"))
                    {
                        path.Push(i.ToString(CultureInfo.InvariantCulture));
                        problems.Add(new(path.Child("visibility"), "unknown visibility \"" + visibility + "\"; expected visible, invisible, occluded or selfOccluded"));
                        path.Pop();
                    }
                }
                path.Pop();
                break;
            case BitmaskGeometry bitmask:
                path.Push("bitmask");
                CheckBitmask(unit, bitmask, path, problems);
                path.Pop();
                break;
        }
    }

    private static void CheckBitmask(DataUnit unit, BitmaskGeometry bitmask, JsonPath path, List<ValidationProblem> problems)
    {
        if (unit.Height is { } h && bitmask.Height != h)
        {
            problems.Add(new(path.Child("height"), "bitmask height " + bitmask.Height + " differs from the data unit's height " + h));
        }
        if (unit.Width is { } w && bitmask.Width != w)
        {
            problems.Add(new(path.Child("width"), "bitmask width " + bitmask.Width + " differs from the data unit's width " + w));
        }
        if (bitmask.Top != 0 || bitmask.Left != 0)
        {
            problems.Add(new(path.Child(bitmask.Top != 0 ? "top" : "left"), "bitmasks are full-frame: top and left must be 0, found " + bitmask.Top + ", " + bitmask.Left));
        }
        var pixels = (long)bitmask.Height * bitmask.Width;
        if (!RleStringCodec.TrySumCounts(bitmask.RleString, out var sum, out var error))
        {
            problems.Add(new(path.Child("rleString"), error!));
        }
        else if (sum != pixels)
        {
            problems.Add(new(path.Child("rleString"), "RLE counts sum to " + sum + " pixels but height × width is " + pixels));
        }
    }

    private static void CheckPolygon(PolygonGeometry polygon, JsonPath path, List<ValidationProblem> problems)
    {
        if (polygon.HasPolygonsKey && polygon.Polygons.Count > 0 && (polygon.IsComplex || polygon.Polygons[0].Count > 0))
        {
            path.Push("polygons");
            for (var p = 0; p < polygon.Polygons.Count; p++)
            {
                path.Push(p);
                var rings = polygon.Polygons[p];
                if (rings.Count == 0)
                {
                    problems.Add(new(path.ToString(), "a polygon needs an outer ring"));
                }
                for (var r = 0; r < rings.Count; r++)
                {
                    path.Push(r);
                    CheckRing(rings[r], path, problems, flat: true);
                    path.Pop();
                }
                path.Pop();
            }
            path.Pop();
            return;
        }
        path.Push("polygon");
        CheckRing(polygon.FirstRing, path, problems, flat: false);
        path.Pop();
    }

    private static void CheckRing(double[] ring, JsonPath path, List<ValidationProblem> problems, bool flat)
    {
        if (ring.Length < 6)
        {
            problems.Add(new(path.ToString(), "a polygon ring needs at least 3 points, found " + (ring.Length / 2)));
        }
        for (var i = 0; i + 1 < ring.Length; i += 2)
        {
            if (flat)
            {
                CheckCoordinate(ring[i], path, (i).ToString(CultureInfo.InvariantCulture), "x", problems);
                CheckCoordinate(ring[i + 1], path, (i + 1).ToString(CultureInfo.InvariantCulture), "y", problems);
            }
            else
            {
                CheckPoint(ring[i], ring[i + 1], path, (i / 2).ToString(CultureInfo.InvariantCulture), problems);
            }
        }
    }

    private static void CheckPoint(double x, double y, JsonPath path, string key, List<ValidationProblem> problems)
    {
        path.Push(key);
        CheckCoordinate(x, path, "x", "x", problems);
        CheckCoordinate(y, path, "y", "y", problems);
        path.Pop();
    }

    private static void CheckBox(double x, double y, double w, double h, JsonPath path, List<ValidationProblem> problems)
    {
        CheckCoordinate(x, path, "x", "x", problems);
        CheckCoordinate(y, path, "y", "y", problems);
        CheckCoordinate(w, path, "w", "w", problems);
        CheckCoordinate(h, path, "h", "h", problems);
        if (double.IsFinite(x) && double.IsFinite(w) && x + w > 1 + CoordinateTolerance)
        {
            problems.Add(new(path.Child("w"), "box ends at x + w = " + Format(x + w) + ", outside the image (must be ≤ 1)"));
        }
        if (double.IsFinite(y) && double.IsFinite(h) && y + h > 1 + CoordinateTolerance)
        {
            problems.Add(new(path.Child("h"), "box ends at y + h = " + Format(y + h) + ", outside the image (must be ≤ 1)"));
        }
    }

    private static void CheckCoordinate(double value, JsonPath path, string key, string axis, List<ValidationProblem> problems)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            problems.Add(new(path.Child(key), axis + " must be a finite number, found " + Format(value)));
        }
        else if (value < -CoordinateTolerance || value > 1 + CoordinateTolerance)
        {
            problems.Add(new(path.Child(key), axis + " = " + Format(value) + " is outside [0, 1] (coordinates are fractions of the image size)"));
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
