namespace Labelport.Core.Model;

/// <summary><c>polyline</c>: points in order (index-dictionary or list on the wire).</summary>
public sealed record PolylineGeometry(IReadOnlyList<NormalizedPoint> Points) : ShapeGeometry
{
    public bool IsList { get; init; }
}
