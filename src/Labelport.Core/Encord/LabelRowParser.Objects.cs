using System.Globalization;
using System.Text.Json;
using Labelport.Core.Json;
using Labelport.Core.Model;

namespace Labelport.Core.Encord;

internal static partial class LabelRowParser
{
    private static ObjectInstance ParseObject(JsonElement element, JsonPath path)
    {
        JsonValues.ExpectObject(element, path);
        var shapeName = JsonValues.RequiredString(Required(element, path, "shape"), path, "shape");
        var instance = new ObjectInstance
        {
            ObjectHash = JsonValues.RequiredString(Required(element, path, "objectHash"), path, "objectHash"),
            FeatureHash = JsonValues.RequiredString(Required(element, path, "featureHash"), path, "featureHash"),
            ShapeName = shapeName,
        };
        var shape = ShapeNames.Parse(shapeName);
        JsonElement polygon = default, polygons = default;
        foreach (var p in element.EnumerateObject())
        {
            var name = JsonNames.Of(p);
            var v = p.Value;
            switch (name)
            {
                case "objectHash":
                case "featureHash":
                case "shape":
                    break;
                case "name": instance.Name = JsonValues.StringOrNull(v, path, name); break;
                case "color": instance.Color = JsonValues.StringOrNull(v, path, name); break;
                case "value": instance.Value = JsonValues.StringOrNull(v, path, name); break;
                case "createdAt": instance.CreatedAt = JsonValues.StringOrNull(v, path, name); break;
                case "createdBy": instance.CreatedBy = JsonValues.StringOrNull(v, path, name); break;
                case "confidence": instance.Confidence = JsonValues.DoubleOrNull(v, path, name); break;
                case "manualAnnotation": instance.ManualAnnotation = JsonValues.BoolOrNull(v, path, name); break;
                case "lastEditedAt": instance.LastEditedAt = JsonValues.StringOrNull(v, path, name); break;
                case "lastEditedBy": instance.LastEditedBy = JsonValues.StringOrNull(v, path, name); break;
                case "isDeleted": instance.IsDeleted = JsonValues.BoolOrNull(v, path, name); break;
                case "boundingBox" when shape == ShapeKind.BoundingBox:
                    path.Push(name);
                    instance.Geometry = ParseBox(v, path);
                    path.Pop();
                    break;
                case "rotatableBoundingBox" when shape == ShapeKind.RotatableBoundingBox:
                    path.Push(name);
                    instance.Geometry = ParseRotatableBox(v, path);
                    path.Pop();
                    break;
                case "polygon" when shape == ShapeKind.Polygon: polygon = v; break;
                case "polygons" when shape == ShapeKind.Polygon: polygons = v; break;
                case "polyline" when shape == ShapeKind.Polyline:
                    path.Push(name);
                    instance.Geometry = new PolylineGeometry(ParsePoints(v, path)) { IsList = v.ValueKind == JsonValueKind.Array };
                    path.Pop();
                    break;
                case "point" when shape == ShapeKind.Point:
                    path.Push(name);
                    var points = ParsePoints(v, path);
                    if (points.Count != 1)
                    {
                        throw new LabelFormatException(path.ToString(), "a point needs exactly one coordinate (key \"0\"), found " + points.Count);
                    }
                    instance.Geometry = new PointGeometry(points[0]);
                    path.Pop();
                    break;
                case "bitmask" when shape == ShapeKind.Bitmask:
                    path.Push(name);
                    instance.Geometry = ParseBitmask(v, path);
                    path.Pop();
                    break;
                case "skeleton" when shape == ShapeKind.Skeleton:
                    path.Push(name);
                    instance.Geometry = ParseSkeleton(v, path);
                    path.Pop();
                    break;
                default:
                    instance.Extras.Add(name, v);
                    break;
            }
        }
        if (shape == ShapeKind.Polygon && (polygon.ValueKind != JsonValueKind.Undefined || polygons.ValueKind != JsonValueKind.Undefined))
        {
            instance.Geometry = ParsePolygon(polygon, polygons, path);
        }
        var payloadKey = ShapeNames.PayloadKey(shape);
        if (instance.Geometry is null && payloadKey is not null && shape is not (ShapeKind.Cuboid or ShapeKind.Cuboid2D or ShapeKind.Segmentation))
        {
            throw new LabelFormatException(path.Child(payloadKey), "required for shape \"" + shapeName + "\" but missing");
        }
        return instance;
    }

    private static BoundingBox ParseBox(JsonElement v, JsonPath path)
    {
        JsonValues.ExpectObject(v, path);
        return new BoundingBox(Number(v, path, "x"), Number(v, path, "y"), Number(v, path, "w"), Number(v, path, "h"));
    }

    private static RotatableBoundingBox ParseRotatableBox(JsonElement v, JsonPath path)
    {
        JsonValues.ExpectObject(v, path);
        return new RotatableBoundingBox(Number(v, path, "x"), Number(v, path, "y"), Number(v, path, "w"), Number(v, path, "h"),
            v.TryGetProperty("theta", out var theta) ? JsonValues.DoubleOrNull(theta, path, "theta") ?? 0 : 0);
    }

    private static double Number(JsonElement owner, JsonPath path, string name) =>
        JsonValues.Double(Required(owner, path, name), path, name);

    private static List<NormalizedPoint> ParsePoints(JsonElement v, JsonPath path)
    {
        var result = new List<NormalizedPoint>();
        if (v.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in v.EnumerateArray())
            {
                path.Push(i++);
                result.Add(ParsePoint(item, path));
                path.Pop();
            }
            return result;
        }
        JsonValues.ExpectObject(v, path);
        foreach (var (index, item) in IndexedProperties(v, path))
        {
            path.Push(index.ToString(CultureInfo.InvariantCulture));
            result.Add(ParsePoint(item, path));
            path.Pop();
        }
        return result;
    }

    /// <summary>The values of an index dictionary (<c>{"0": …, "1": …}</c>) in numeric key order.</summary>
    private static List<(int Index, JsonElement Value)> IndexedProperties(JsonElement v, JsonPath path)
    {
        var items = new List<(int, JsonElement)>();
        foreach (var p in v.EnumerateObject())
        {
            var name = JsonNames.Of(p);
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw new LabelFormatException(path.Child(name), "point keys must be integers \"0\", \"1\", …, found \"" + name + "\"");
            }
            items.Add((index, p.Value));
        }
        items.Sort(static (a, b) => a.Item1.CompareTo(b.Item1));
        return items;
    }

    private static NormalizedPoint ParsePoint(JsonElement item, JsonPath path)
    {
        JsonValues.ExpectObject(item, path);
        double? z = item.TryGetProperty("z", out var zElement) ? JsonValues.DoubleOrNull(zElement, path, "z") : null;
        return new NormalizedPoint(Number(item, path, "x"), Number(item, path, "y"), z);
    }

    private static PolygonGeometry ParsePolygon(JsonElement legacy, JsonElement multi, JsonPath path)
    {
        var hasMulti = multi.ValueKind == JsonValueKind.Array && multi.GetArrayLength() > 0;
        if (hasMulti)
        {
            path.Push("polygons");
            var polygons = new List<IReadOnlyList<double[]>>();
            var i = 0;
            foreach (var polygon in multi.EnumerateArray())
            {
                path.Push(i++);
                JsonValues.ExpectArray(polygon, path);
                var rings = new List<double[]>();
                var r = 0;
                foreach (var ring in polygon.EnumerateArray())
                {
                    path.Push(r++);
                    JsonValues.ExpectArray(ring, path);
                    var coordinates = new double[ring.GetArrayLength()];
                    if (coordinates.Length % 2 != 0)
                    {
                        throw new LabelFormatException(path.ToString(), "a ring is a flat [x0, y0, x1, y1, …] list; found an odd count " + coordinates.Length);
                    }
                    var k = 0;
                    foreach (var number in ring.EnumerateArray())
                    {
                        coordinates[k] = JsonValues.Double(number, path, k.ToString(CultureInfo.InvariantCulture));
                        k++;
                    }
                    rings.Add(coordinates);
                    path.Pop();
                }
                polygons.Add(rings);
                path.Pop();
            }
            path.Pop();
            return new PolygonGeometry(polygons) { HasPolygonsKey = true, LegacyIsList = legacy.ValueKind == JsonValueKind.Array };
        }
        if (legacy.ValueKind == JsonValueKind.Undefined)
        {
            throw new LabelFormatException(path.Child("polygon"), "required for shape \"polygon\" but missing");
        }
        path.Push("polygon");
        var points = ParsePoints(legacy, path);
        path.Pop();
        var flat = new double[points.Count * 2];
        for (var i = 0; i < points.Count; i++)
        {
            flat[2 * i] = points[i].X;
            flat[(2 * i) + 1] = points[i].Y;
        }
        return new PolygonGeometry([new[] { flat }]) { HasPolygonsKey = multi.ValueKind != JsonValueKind.Undefined, LegacyIsList = legacy.ValueKind == JsonValueKind.Array };
    }

    private static BitmaskGeometry ParseBitmask(JsonElement v, JsonPath path)
    {
        JsonValues.ExpectObject(v, path);
        return new BitmaskGeometry(
            v.TryGetProperty("top", out var top) ? JsonValues.IntOrNull(top, path, "top") ?? 0 : 0,
            v.TryGetProperty("left", out var left) ? JsonValues.IntOrNull(left, path, "left") ?? 0 : 0,
            JsonValues.Int(Required(v, path, "height"), path, "height"),
            JsonValues.Int(Required(v, path, "width"), path, "width"),
            JsonValues.RequiredString(Required(v, path, "rleString"), path, "rleString"));
    }

    private static SkeletonGeometry ParseSkeleton(JsonElement v, JsonPath path)
    {
        JsonValues.ExpectObject(v, path);
        var points = new List<SkeletonPoint>();
        foreach (var (index, item) in IndexedProperties(v, path))
        {
            path.Push(index.ToString(CultureInfo.InvariantCulture));
            JsonValues.ExpectObject(item, path);
            var point = new SkeletonPoint();
            var hasX = false;
            var hasY = false;
            foreach (var p in item.EnumerateObject())
            {
                var name = JsonNames.Of(p);
                var value = p.Value;
                switch (name)
                {
                    case "x": point.X = JsonValues.Double(value, path, name); hasX = true; break;
                    case "y": point.Y = JsonValues.Double(value, path, name); hasY = true; break;
                    case "name": point.Name = JsonValues.StringOrNull(value, path, name); break;
                    case "color": point.Color = JsonValues.StringOrNull(value, path, name); break;
                    case "value": point.Value = JsonValues.StringOrNull(value, path, name); break;
                    case "featureHash": point.FeatureHash = JsonValues.StringOrNull(value, path, name); break;
                    case "visibility": point.Visibility = JsonValues.StringOrNull(value, path, name); break;
                    case "invisible": point.Invisible = JsonValues.BoolOrNull(value, path, name); break;
                    case "occluded": point.Occluded = JsonValues.BoolOrNull(value, path, name); break;
                    case "selfOccluded": point.SelfOccluded = JsonValues.BoolOrNull(value, path, name); break;
                    case "visible": point.Visible = JsonValues.BoolOrNull(value, path, name); break;
                    default: point.Extras.Add(name, value); break;
                }
            }
            if (!hasX || !hasY)
            {
                throw new LabelFormatException(path.Child(hasX ? "y" : "x"), "required field is missing");
            }
            points.Add(point);
            path.Pop();
        }
        return new SkeletonGeometry(points);
    }
}
