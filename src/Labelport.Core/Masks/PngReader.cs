using System.Buffers.Binary;
using System.IO.Compression;

namespace Labelport.Core.Masks;

/// <summary>
/// Reads a PNG as a mask: every colour type and bit depth of the PNG spec (grey 1-16 bit, RGB 8/16, palette
/// 1-8 bit, grey+alpha, RGBA), all five filters, Adam7 interlacing; chunk CRCs are checked. A pixel is foreground
/// when any colour sample (after the palette lookup) is non-zero; alpha is ignored.
/// </summary>
public static class PngReader
{
    /// <summary>Largest image accepted (pixels), so a forged header cannot make us allocate gigabytes.</summary>
    public const long MaxPixels = 1L << 28;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly (int X, int Y, int DX, int DY)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    /// <exception cref="MaskFormatException">Not a PNG, corrupt, truncated, or unsupported.</exception>
    public static PngMask ReadMask(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<byte> signature = stackalloc byte[8];
        if (!TryReadExactly(input, signature) || !signature.SequenceEqual(Signature))
        {
            throw new MaskFormatException("Not a PNG file (the 8-byte PNG signature is missing).");
        }
        PngHeader? header = null;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        long offset = 8;
        var ended = false;
        Span<byte> word = stackalloc byte[8];
        while (!ended)
        {
            if (!TryReadExactly(input, word))
            {
                throw new MaskFormatException($"PNG ends at byte {offset} without an IEND chunk.");
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(word);
            var type = System.Text.Encoding.ASCII.GetString(word[4..8]);
            if (length > int.MaxValue)
            {
                throw new MaskFormatException($"PNG chunk {type} at byte {offset} has an invalid length {length}.");
            }
            var data = new byte[length + 4];
            if (!TryReadExactly(input, data))
            {
                throw new MaskFormatException($"PNG chunk {type} at byte {offset} is truncated.");
            }
            var crc = PngCrc.Update(PngCrc.Update(0, word[4..8]), data.AsSpan(0, (int)length));
            if (crc != BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan((int)length)))
            {
                throw new MaskFormatException($"PNG chunk {type} at byte {offset}: CRC mismatch (file is corrupt).");
            }
            var body = data.AsSpan(0, (int)length);
            if (header is null && type != "IHDR")
            {
                throw new MaskFormatException($"PNG chunk {type} at byte {offset}: the first chunk must be IHDR.");
            }
            switch (type)
            {
                case "IHDR":
                    if (header is not null)
                    {
                        throw new MaskFormatException($"PNG has a second IHDR chunk at byte {offset}.");
                    }
                    header = PngHeader.Parse(body, MaxPixels);
                    break;
                case "PLTE":
                    if (length % 3 != 0 || length == 0 || length > 768)
                    {
                        throw new MaskFormatException($"PNG chunk PLTE at byte {offset} has {length} bytes (must be 3 × 1..256).");
                    }
                    palette = body.ToArray();
                    break;
                case "IDAT":
                    idat.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
                default:
                    if (char.IsUpper(type[0]))
                    {
                        throw new MaskFormatException($"PNG chunk {type} at byte {offset} is critical but unknown.");
                    }
                    break; // ancillary chunks (tRNS, gAMA, text...) do not change which pixels are set
            }
            offset += 12 + length;
        }
        var h = header!.Value;
        if (h.ColorType == 3 && palette is null)
        {
            throw new MaskFormatException("PNG with a palette colour type has no PLTE chunk.");
        }
        if (idat.Length == 0)
        {
            throw new MaskFormatException("PNG has no image data (IDAT).");
        }
        idat.Position = 0;
        var mask = new byte[h.Width * h.Height];
        var classifier = new PngPixelClassifier(h, palette);
        try
        {
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
            if (h.Interlaced)
            {
                foreach (var (x0, y0, dx, dy) in Adam7)
                {
                    var pw = (h.Width - x0 + dx - 1) / dx;
                    var ph = (h.Height - y0 + dy - 1) / dy;
                    if (pw > 0 && ph > 0)
                    {
                        DecodeImage(zlib, h, pw, ph, classifier, mask, x0, y0, dx, dy);
                    }
                }
            }
            else
            {
                DecodeImage(zlib, h, h.Width, h.Height, classifier, mask, 0, 0, 1, 1);
            }
        }
        catch (InvalidDataException e)
        {
            throw new MaskFormatException("PNG image data is not valid zlib/deflate data: " + e.Message, e);
        }
        return new PngMask(h.Height, h.Width, mask, classifier.IsBinary);
    }

    private static void DecodeImage(Stream zlib, PngHeader h, int width, int height, PngPixelClassifier classifier, byte[] mask, int x0, int y0, int dx, int dy)
    {
        var rowBytes = (int)((((long)width * h.BitsPerPixel) + 7) / 8);
        var bpp = Math.Max(1, h.BitsPerPixel / 8);
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        var keys = new byte[width];
        Span<byte> filter = stackalloc byte[1];
        for (var row = 0; row < height; row++)
        {
            if (!TryReadExactly(zlib, filter) || !TryReadExactly(zlib, current))
            {
                throw new MaskFormatException($"PNG image data ends early (row {y0 + (row * dy)}).");
            }
            Unfilter(filter[0], current, previous, bpp, y0 + (row * dy));
            classifier.Classify(current, keys);
            var y = y0 + (row * dy);
            for (var i = 0; i < width; i++)
            {
                mask[((long)y * h.Width) + x0 + (i * dx)] = keys[i];
            }
            (previous, current) = (current, previous);
        }
    }

    private static void Unfilter(byte type, Span<byte> line, ReadOnlySpan<byte> previous, int bpp, int y)
    {
        switch (type)
        {
            case 0:
                return;
            case 1:
                for (var i = bpp; i < line.Length; i++)
                {
                    line[i] += line[i - bpp];
                }
                return;
            case 2:
                for (var i = 0; i < line.Length; i++)
                {
                    line[i] += previous[i];
                }
                return;
            case 3:
                for (var i = 0; i < line.Length; i++)
                {
                    var left = i >= bpp ? line[i - bpp] : 0;
                    line[i] += (byte)((left + previous[i]) >> 1);
                }
                return;
            case 4:
                for (var i = 0; i < line.Length; i++)
                {
                    int a = i >= bpp ? line[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    line[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
                return;
            default:
                throw new MaskFormatException($"PNG row {y} has an unknown filter type {type}.");
        }
    }

    private static bool TryReadExactly(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }
}
