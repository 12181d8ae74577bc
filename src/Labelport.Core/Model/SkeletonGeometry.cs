namespace Labelport.Core.Model;

/// <summary><c>skeleton</c>: points in index order (the wire's <c>"0"</c>, <c>"1"</c>, … keys).</summary>
public sealed record SkeletonGeometry(IReadOnlyList<SkeletonPoint> Points) : ShapeGeometry;
