namespace Labelport.Client;

/// <summary>A box in pixels: top-left corner and size.</summary>
/// <param name="X">Left edge (pixels from the left).</param>
/// <param name="Y">Top edge (pixels from the top).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record PixelBox(double X, double Y, double Width, double Height);
