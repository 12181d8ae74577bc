namespace Labelport.Core.Model;

/// <summary>A point in normalised coordinates; <see cref="Z"/> only for 3-D variants.</summary>
public readonly record struct NormalizedPoint(double X, double Y, double? Z = null);
