namespace Labelport.Client;

/// <summary>A point in pixels.</summary>
/// <param name="X">Pixels from the left.</param>
/// <param name="Y">Pixels from the top.</param>
public readonly record struct PixelPoint(double X, double Y);
