namespace Labelport.Core.Masks;

/// <summary>Validation of mask dimensions shared by all mask operations.</summary>
internal static class RleSize
{
    /// <summary>pycocotools keeps counts and areas in uint32, so h×w must fit in 32 bits.</summary>
    public const long MaxPixels = uint.MaxValue;

    public static bool TryGetPixelCount(int height, int width, out long pixels, out string error)
    {
        pixels = (long)height * width;
        if (height < 0 || width < 0)
        {
            error = $"Mask size must not be negative (h = {height}, w = {width}).";
            return false;
        }
        if (pixels > MaxPixels)
        {
            error = $"Mask size {height}×{width} has more than {MaxPixels} pixels.";
            return false;
        }
        error = string.Empty;
        return true;
    }

    public static long PixelCount(int height, int width)
        => TryGetPixelCount(height, width, out var pixels, out var error) ? pixels : throw new MaskFormatException(error);

    /// <summary>Pixel count of a mask that has to be held in one byte array (or span).</summary>
    public static int BufferLength(int height, int width)
    {
        var pixels = PixelCount(height, width);
        return pixels <= Array.MaxLength
            ? (int)pixels
            : throw new MaskFormatException($"Mask size {height}×{width} is too large to hold as pixels ({pixels} > {Array.MaxLength}).");
    }
}
