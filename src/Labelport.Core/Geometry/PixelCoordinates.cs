namespace Labelport.Core.Geometry;

/// <summary>
/// Normalised ↔ pixel coordinates. Everything on the x axis (x and w) scales with the image <b>width</b>, everything
/// on the y axis (y and h) with the <b>height</b>; origin top-left, y down. Encord's public "JSON Format Export" page
/// says to multiply w by the height and h by the width: that is wrong — Encord's own SDK and exporter, and the COCO it
/// produces for non-square frames, scale as here (spec encord-json.md §10).
/// </summary>
public readonly record struct PixelCoordinates(double Width, double Height)
{
    public double X(double normalisedX) => normalisedX * Width;

    public double Y(double normalisedY) => normalisedY * Height;

    public double W(double normalisedW) => normalisedW * Width;

    public double H(double normalisedH) => normalisedH * Height;

    public double NormaliseX(double pixelX) => pixelX / Width;

    public double NormaliseY(double pixelY) => pixelY / Height;

    /// <summary>Scales a flat <c>[x0, y0, x1, y1, …]</c> ring into pixel coordinates.</summary>
    public double[] ToPixels(ReadOnlySpan<double> normalisedRing)
    {
        var result = new double[normalisedRing.Length];
        for (var i = 0; i + 1 < normalisedRing.Length; i += 2)
        {
            result[i] = normalisedRing[i] * Width;
            result[i + 1] = normalisedRing[i + 1] * Height;
        }
        return result;
    }
}
