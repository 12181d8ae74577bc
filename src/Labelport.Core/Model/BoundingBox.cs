namespace Labelport.Core.Model;

/// <summary><c>boundingBox</c>: top-left corner and size, normalised.</summary>
public sealed record BoundingBox(double X, double Y, double W, double H) : ShapeGeometry;
