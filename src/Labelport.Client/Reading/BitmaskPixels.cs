using Labelport.Core.Masks;
using Labelport.Core.Model;

namespace Labelport.Client;

/// <summary>
/// Bitmask objects without decoding an <c>rleString</c> by hand: as a byte mask, as COCO RLE, or as a PNG.
/// The mask's size is the bitmask's own <see cref="BitmaskGeometry.Width"/> × <see cref="BitmaskGeometry.Height"/> (the media size).
/// </summary>
public static class BitmaskPixels
{
    /// <summary>The mask as row-major bytes: byte <c>y * Width + x</c> is 1 inside, 0 outside.</summary>
    /// <param name="bitmask">The bitmask.</param>
    /// <exception cref="MaskFormatException">The <c>rleString</c> is malformed or does not cover Height × Width pixels.</exception>
    public static byte[] ToByteMask(this BitmaskGeometry bitmask)
    {
        ArgumentNullException.ThrowIfNull(bitmask);
        return EncordBitmask.Decode(bitmask.RleString, bitmask.Height, bitmask.Width);
    }

    /// <summary>The mask as COCO RLE (column-major counts, as in a COCO export).</summary>
    /// <param name="bitmask">The bitmask.</param>
    /// <exception cref="MaskFormatException">The <c>rleString</c> is malformed or does not cover Height × Width pixels.</exception>
    public static CocoRle ToCocoRle(this BitmaskGeometry bitmask)
    {
        ArgumentNullException.ThrowIfNull(bitmask);
        return EncordBitmask.ToCoco(bitmask.RleString, bitmask.Height, bitmask.Width);
    }

    /// <summary>Writes the mask as an 8-bit greyscale PNG (255 inside, 0 outside).</summary>
    /// <param name="bitmask">The bitmask.</param>
    /// <param name="output">Where the PNG goes.</param>
    /// <exception cref="MaskFormatException">The <c>rleString</c> is malformed, or the mask has no pixels.</exception>
    public static void WritePng(this BitmaskGeometry bitmask, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        PngWriter.WriteMask(output, bitmask.ToByteMask(), bitmask.Height, bitmask.Width);
    }

    /// <summary>The mask as the bytes of an 8-bit greyscale PNG (255 inside, 0 outside).</summary>
    /// <param name="bitmask">The bitmask.</param>
    public static byte[] ToPng(this BitmaskGeometry bitmask)
    {
        using var png = new MemoryStream();
        bitmask.WritePng(png);
        return png.ToArray();
    }
}
