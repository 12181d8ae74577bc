using System.Buffers;
using Labelport.Core.Geometry;
using Labelport.Core.Masks;
using Labelport.Core.Model;
using C = Labelport.Core.Coco.CocoNames;

namespace Labelport.Core.Coco;

public sealed partial class CocoWriter
{
    private void AddAnnotations(LabelRow row, DataUnit unit, FrameLabels frame, CocoImage image)
    {
        var scale = new PixelCoordinates(image.Width, image.Height);
        foreach (var instance in frame.Objects)
        {
            if (!_categoryIds.TryGetValue(instance.FeatureHash, out var categoryId))
            {
                _losses.Drop("objects of shapes COCO cannot hold (" + instance.ShapeName + ")");
                continue;
            }
            if (instance.Geometry is null)
            {
                _losses.Drop(instance.ShapeName + " objects");
                continue;
            }
            WriteAnnotation(row, frame, instance, categoryId, image, scale);
        }
    }

    private void WriteAnnotation(LabelRow row, FrameLabels frame, ObjectInstance instance, int categoryId, CocoImage image, PixelCoordinates scale)
    {
        var json = _annotations;
        json.WriteStartObject();
        double? rotation = null;
        switch (instance.Geometry)
        {
            case BoundingBox box:
                WriteBox(scale, box.X, box.Y, box.W, box.H, categoryId, image.Id);
                break;
            case RotatableBoundingBox box:
                WriteBox(scale, box.X, box.Y, box.W, box.H, categoryId, image.Id);
                rotation = box.Theta;
                break;
            case PolygonGeometry polygon when polygon.IsComplex:
                var rings = new List<IReadOnlyList<double[]>>(polygon.Polygons.Count);
                foreach (var p in polygon.Polygons)
                {
                    rings.Add(p.Select(r => scale.ToPixels(r)).ToArray());
                }
                var area = MultiPolygonRasterizer.Rasterize(rings, image.Height, image.Width);
                WriteRle(area.Counts, area.Height, area.Width, categoryId, image.Id);
                break;
            case PolygonGeometry polygon:
                var ring = scale.ToPixels(polygon.FirstRing);
                WriteFloat(C.Area, PolygonArea.Of(ring));
                WriteBounds(ring);
                WriteIds(categoryId, image.Id, crowd: 0);
                json.WritePropertyName(C.Segmentation);
                json.WriteStartArray();
                WriteFloats(ring);
                json.WriteEndArray();
                WriteNoKeypoints();
                break;
            case PolylineGeometry polyline:
                var points = new double[polyline.Points.Count * 2];
                for (var i = 0; i < polyline.Points.Count; i++)
                {
                    points[2 * i] = scale.X(polyline.Points[i].X);
                    points[(2 * i) + 1] = scale.Y(polyline.Points[i].Y);
                }
                WriteFloat(C.Area, 0);
                WriteBounds(points);
                WriteIds(categoryId, image.Id, crowd: 0);
                json.WritePropertyName(C.Segmentation);
                json.WriteStartArray();
                json.WriteStartArray();
                foreach (var v in points)
                {
                    WriteFloatValue(v);
                }
                // Out and back: an area-less closed path, as Encord writes polylines.
                for (var i = points.Length - 2; i >= 0; i -= 2)
                {
                    WriteFloatValue(points[i]);
                    WriteFloatValue(points[i + 1]);
                }
                json.WriteEndArray();
                json.WriteEndArray();
                WriteNoKeypoints();
                break;
            case PointGeometry point:
                var px = scale.X(point.Point.X);
                var py = scale.Y(point.Point.Y);
                WriteFloat(C.Area, 0);
                WriteFloats(C.Bbox, [px, py, 0, 0]);
                WriteIds(categoryId, image.Id, crowd: 0);
                json.WritePropertyName(C.Segmentation);
                json.WriteStartArray();
                WriteFloats([px, py]);
                json.WriteEndArray();
                WriteFloats(C.Keypoints, [px, py, 2]);
                json.WriteNumber(C.NumKeypoints, 1);
                break;
            case SkeletonGeometry skeleton:
                WriteSkeleton(skeleton, scale, categoryId, image.Id);
                break;
            case BitmaskGeometry bitmask:
                WriteBitmask(bitmask, categoryId, image.Id);
                break;
        }
        json.WriteNumber(C.Id, _nextAnnotationId++);
        json.WritePropertyName(C.Attributes);
        json.WriteStartObject();
        if (!_trackIds.TryGetValue(instance.ObjectHash, out var trackId))
        {
            trackId = _nextTrackId++;
            _trackIds.Add(instance.ObjectHash, trackId);
        }
        json.WriteNumber(C.TrackId, trackId);
        json.WriteString(C.EncordTrackUuid, instance.ObjectHash);
        if (rotation is { } theta)
        {
            WriteFloat(C.Rotation, theta);
        }
        json.WritePropertyName(C.Classifications);
        _flattener.Write(json, instance, frame.Frame);
        json.WriteBoolean(C.ManualAnnotation, instance.ManualAnnotation ?? true);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteBox(PixelCoordinates scale, double nx, double ny, double nw, double nh, int categoryId, int imageId)
    {
        var x = scale.X(nx);
        var y = scale.Y(ny);
        var w = scale.W(nw);
        var h = scale.H(nh);
        WriteFloat(C.Area, w * h);
        WriteFloats(C.Bbox, [x, y, w, h]);
        WriteIds(categoryId, imageId, crowd: 0);
        _annotations.WritePropertyName(C.Segmentation);
        _annotations.WriteStartArray();
        WriteFloats([x, y, x + w, y, x + w, y + h, x, y + h]);
        _annotations.WriteEndArray();
        WriteNoKeypoints();
    }

    /// <summary>Encord rleString → COCO counts through pooled buffers only (no per-mask arrays or strings).</summary>
    private void WriteBitmask(BitmaskGeometry bitmask, int categoryId, int imageId)
    {
        using var runs = new RunBuffer(256);
        if (!EncordBitmask.TryToCocoRuns(bitmask.RleString, bitmask.Height, bitmask.Width, runs, out var error))
        {
            throw new MaskFormatException(error);
        }
        WriteRle(runs.Span, bitmask.Height, bitmask.Width, categoryId, imageId);
    }

    private void WriteRle(ReadOnlySpan<uint> counts, int height, int width, int categoryId, int imageId)
    {
        var json = _annotations;
        var box = RleGeometry.BoundingBox(counts, height, width);
        WriteFloat(C.Area, RleGeometry.Area(counts));
        WriteFloats(C.Bbox, [box.X, box.Y, box.Width, box.Height]);
        WriteIds(categoryId, imageId, crowd: 1);
        json.WritePropertyName(C.Segmentation);
        json.WriteStartObject();
        json.WritePropertyName(C.Size);
        json.WriteStartArray();
        json.WriteNumberValue(height);
        json.WriteNumberValue(width);
        json.WriteEndArray();
        var text = ArrayPool<byte>.Shared.Rent(RleStringCodec.GetMaxByteCount(counts.Length));
        try
        {
            json.WriteString(C.Counts, text.AsSpan(0, RleStringCodec.Write(counts, text)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
        }
        json.WriteEndObject();
        WriteNoKeypoints();
    }

    private void WriteSkeleton(SkeletonGeometry skeleton, PixelCoordinates scale, int categoryId, int imageId)
    {
        var json = _annotations;
        var keypoints = new double[skeleton.Points.Count * 3];
        var bounds = new double[skeleton.Points.Count * 2];
        for (var i = 0; i < skeleton.Points.Count; i++)
        {
            var p = skeleton.Points[i];
            keypoints[3 * i] = bounds[2 * i] = scale.X(p.X);
            keypoints[(3 * i) + 1] = bounds[(2 * i) + 1] = scale.Y(p.Y);
            keypoints[(3 * i) + 2] = p.CocoVisibility;
        }
        WriteFloat(C.Area, 0);
        WriteBounds(bounds);
        WriteIds(categoryId, imageId, crowd: 0);
        json.WritePropertyName(C.Segmentation);
        json.WriteStartArray();
        json.WriteEndArray();
        WriteFloats(C.Keypoints, keypoints);
        json.WriteNumber(C.NumKeypoints, skeleton.Points.Count);
    }

    private void WriteIds(int categoryId, int imageId, int crowd)
    {
        _annotations.WriteNumber(C.CategoryId, categoryId);
        _annotations.WriteNumber(C.ImageId, imageId);
        _annotations.WriteNumber(C.IsCrowd, crowd);
    }

    private void WriteNoKeypoints()
    {
        _annotations.WriteNull(C.Keypoints);
        _annotations.WriteNull(C.NumKeypoints);
    }

    private void WriteBounds(ReadOnlySpan<double> flat)
    {
        if (flat.Length < 2)
        {
            WriteFloats(C.Bbox, [0, 0, 0, 0]);
            return;
        }
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            minX = Math.Min(minX, flat[i]);
            maxX = Math.Max(maxX, flat[i]);
            minY = Math.Min(minY, flat[i + 1]);
            maxY = Math.Max(maxY, flat[i + 1]);
        }
        WriteFloats(C.Bbox, [minX, minY, maxX - minX, maxY - minY]);
    }

    private void WriteFloat(System.Text.Json.JsonEncodedText name, double value)
    {
        _annotations.WritePropertyName(name);
        WriteFloatValue(value);
    }

    private void WriteFloats(System.Text.Json.JsonEncodedText name, ReadOnlySpan<double> values)
    {
        _annotations.WritePropertyName(name);
        WriteFloats(values);
    }

    private void WriteFloats(ReadOnlySpan<double> values)
    {
        _annotations.WriteStartArray();
        foreach (var value in values)
        {
            WriteFloatValue(value);
        }
        _annotations.WriteEndArray();
    }

    private void WriteFloatValue(double value)
    {
        Span<byte> buffer = stackalloc byte[40];
        var length = PythonFloat.Format(value, buffer);
        _annotations.WriteRawValue(buffer[..length], skipInputValidation: true);
    }
}
