namespace Labelport.Core.Model;

/// <summary><c>point</c>: a single keypoint, key <c>"0"</c> on the wire.</summary>
public sealed record PointGeometry(NormalizedPoint Point) : ShapeGeometry;
