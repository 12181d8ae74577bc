namespace Labelport.Core.Model;

/// <summary><c>rotatableBoundingBox</c>: the unrotated box plus <see cref="Theta"/> in degrees about its centre.</summary>
public sealed record RotatableBoundingBox(double X, double Y, double W, double H, double Theta) : ShapeGeometry;
