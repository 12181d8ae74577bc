using System.Globalization;
using System.Text.Json;
using Labelport.Core.Model;
using N = Labelport.Core.Encord.EncordNames;

namespace Labelport.Core.Encord;

public sealed partial class LabelRowWriter
{
    private void WriteObject(ObjectInstance instance)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteString(N.Name, instance.Name);
        json.WriteString(N.Color, instance.Color);
        json.WriteString(N.Shape, instance.ShapeName);
        json.WriteString(N.Value, instance.Value);
        json.WriteString(N.CamelCreatedAt, instance.CreatedAt);
        json.WriteString(N.CreatedBy, instance.CreatedBy);
        // Encord's defaults for absent values (SDK: confidence 1.0, manualAnnotation true).
        json.WriteNumber(N.Confidence, instance.Confidence ?? 1);
        json.WriteString(N.ObjectHash, instance.ObjectHash);
        json.WriteString(N.FeatureHash, instance.FeatureHash);
        json.WriteBoolean(N.ManualAnnotation, instance.ManualAnnotation ?? true);
        if (instance.LastEditedAt is not null)
        {
            json.WriteString(N.CamelLastEditedAt, instance.LastEditedAt);
        }
        if (instance.LastEditedBy is not null)
        {
            json.WriteString(N.LastEditedBy, instance.LastEditedBy);
        }
        if (instance.IsDeleted is { } deleted)
        {
            json.WriteBoolean(N.IsDeleted, deleted);
        }
        WriteGeometry(instance.Geometry);
        instance.Extras.WriteTo(json);
        json.WriteEndObject();
    }

    private void WriteGeometry(ShapeGeometry? geometry)
    {
        var json = _json;
        switch (geometry)
        {
            case null:
                return;
            case BoundingBox box:
                json.WritePropertyName(N.BoundingBox);
                json.WriteStartObject();
                json.WriteNumber(N.X, box.X);
                json.WriteNumber(N.Y, box.Y);
                json.WriteNumber(N.W, box.W);
                json.WriteNumber(N.H, box.H);
                json.WriteEndObject();
                break;
            case RotatableBoundingBox box:
                json.WritePropertyName(N.RotatableBoundingBox);
                json.WriteStartObject();
                json.WriteNumber(N.X, box.X);
                json.WriteNumber(N.Y, box.Y);
                json.WriteNumber(N.W, box.W);
                json.WriteNumber(N.H, box.H);
                json.WriteNumber(N.Theta, box.Theta);
                json.WriteEndObject();
                break;
            case PolygonGeometry polygon:
                WritePolygon(polygon);
                break;
            case PolylineGeometry polyline:
                json.WritePropertyName(N.Polyline);
                WritePoints(polyline.Points, polyline.IsList);
                break;
            case PointGeometry point:
                json.WritePropertyName(N.Point);
                json.WriteStartObject();
                json.WritePropertyName("0"u8);
                WritePoint(point.Point);
                json.WriteEndObject();
                break;
            case BitmaskGeometry bitmask:
                json.WritePropertyName(N.Bitmask);
                json.WriteStartObject();
                json.WriteNumber(N.Top, bitmask.Top);
                json.WriteNumber(N.Left, bitmask.Left);
                json.WriteNumber(N.Height, bitmask.Height);
                json.WriteNumber(N.Width, bitmask.Width);
                json.WriteString(N.RleString, bitmask.RleString);
                json.WriteEndObject();
                break;
            case SkeletonGeometry skeleton:
                WriteSkeleton(skeleton);
                break;
            default:
                throw new InvalidOperationException("unhandled geometry " + geometry.GetType().Name);
        }
    }

    private void WritePolygon(PolygonGeometry polygon)
    {
        var json = _json;
        var ring = polygon.FirstRing;
        json.WritePropertyName(N.Polygon);
        if (polygon.LegacyIsList)
        {
            json.WriteStartArray();
            for (var i = 0; i + 1 < ring.Length; i += 2)
            {
                WritePoint(new NormalizedPoint(ring[i], ring[i + 1]));
            }
            json.WriteEndArray();
        }
        else
        {
            json.WriteStartObject();
            Span<char> digits = stackalloc char[11];
            for (var i = 0; i + 1 < ring.Length; i += 2)
            {
                (i / 2).TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
                json.WritePropertyName(digits[..written]);
                WritePoint(new NormalizedPoint(ring[i], ring[i + 1]));
            }
            json.WriteEndObject();
        }
        if (polygon.HasPolygonsKey || polygon.IsComplex)
        {
            json.WritePropertyName(N.Polygons);
            json.WriteStartArray();
            foreach (var rings in polygon.Polygons)
            {
                json.WriteStartArray();
                foreach (var coordinates in rings)
                {
                    json.WriteStartArray();
                    foreach (var c in coordinates)
                    {
                        json.WriteNumberValue(c);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
    }

    private void WritePoints(IReadOnlyList<NormalizedPoint> points, bool asList)
    {
        var json = _json;
        if (asList)
        {
            json.WriteStartArray();
            foreach (var point in points)
            {
                WritePoint(point);
            }
            json.WriteEndArray();
            return;
        }
        json.WriteStartObject();
        Span<char> digits = stackalloc char[11];
        for (var i = 0; i < points.Count; i++)
        {
            i.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
            json.WritePropertyName(digits[..written]);
            WritePoint(points[i]);
        }
        json.WriteEndObject();
    }

    private void WritePoint(NormalizedPoint point)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteNumber(N.X, point.X);
        json.WriteNumber(N.Y, point.Y);
        if (point.Z is { } z)
        {
            json.WriteNumber(N.Z, z);
        }
        json.WriteEndObject();
    }

    private void WriteSkeleton(SkeletonGeometry skeleton)
    {
        var json = _json;
        json.WritePropertyName(N.Skeleton);
        json.WriteStartObject();
        Span<char> digits = stackalloc char[11];
        for (var i = 0; i < skeleton.Points.Count; i++)
        {
            var point = skeleton.Points[i];
            i.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
            json.WritePropertyName(digits[..written]);
            json.WriteStartObject();
            json.WriteNumber(N.X, point.X);
            json.WriteNumber(N.Y, point.Y);
            WriteIfNotNull(N.Name, point.Name);
            WriteIfNotNull(N.Color, point.Color);
            WriteIfNotNull(N.Value, point.Value);
            WriteIfNotNull(N.FeatureHash, point.FeatureHash);
            WriteIfNotNull(N.Visibility, point.Visibility);
            WriteIfNotNull(N.Invisible, point.Invisible);
            WriteIfNotNull(N.Occluded, point.Occluded);
            WriteIfNotNull(N.SelfOccluded, point.SelfOccluded);
            WriteIfNotNull(N.Visible, point.Visible);
            point.Extras.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private void WriteClassification(ClassificationInstance instance)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteString(N.Name, instance.Name);
        json.WriteString(N.Value, instance.Value);
        json.WriteString(N.CamelCreatedAt, instance.CreatedAt);
        json.WriteString(N.CreatedBy, instance.CreatedBy);
        json.WriteNumber(N.Confidence, instance.Confidence ?? 1);
        json.WriteString(N.FeatureHash, instance.FeatureHash);
        json.WriteString(N.ClassificationHash, instance.ClassificationHash);
        json.WriteBoolean(N.ManualAnnotation, instance.ManualAnnotation ?? true);
        WriteIfNotNull(N.CamelLastEditedAt, instance.LastEditedAt);
        WriteIfNotNull(N.LastEditedBy, instance.LastEditedBy);
        instance.Extras.WriteTo(json);
        json.WriteEndObject();
    }

    private void WriteIfNotNull(JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            _json.WriteString(name, value);
        }
    }

    private void WriteIfNotNull(JsonEncodedText name, bool? value)
    {
        if (value is { } v)
        {
            _json.WriteBoolean(name, v);
        }
    }
}
