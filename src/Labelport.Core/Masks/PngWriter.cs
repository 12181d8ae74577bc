using System.Buffers.Binary;
using System.IO.Compression;

namespace Labelport.Core.Masks;

/// <summary>
/// Writes 8-bit PNGs: masks as greyscale (0 = background, 255 = foreground) and RGB images, rows "Up"-filtered, one
/// zlib stream split into IDAT chunks.
/// </summary>
public static class PngWriter
{
    private const byte Greyscale = 0;
    private const byte Rgb = 2;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes an h×w row-major mask (non-zero = foreground) to <paramref name="output"/>.</summary>
    public static void WriteMask(Stream output, ReadOnlySpan<byte> rowMajor, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(output);
        CheckSize(rowMajor.Length, height, width, 1, nameof(rowMajor));
        var foreground = new byte[rowMajor.Length];
        for (var i = 0; i < rowMajor.Length; i++)
        {
            foreground[i] = rowMajor[i] != 0 ? (byte)255 : (byte)0;
        }
        WriteImage(output, foreground, height, width, Greyscale, 1);
    }

    /// <summary>Writes an h×w image of row-major RGB triplets (3 bytes a pixel) to <paramref name="output"/>.</summary>
    public static void WriteRgb(Stream output, ReadOnlySpan<byte> rgbRowMajor, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(output);
        CheckSize(rgbRowMajor.Length, height, width, 3, nameof(rgbRowMajor));
        WriteImage(output, rgbRowMajor, height, width, Rgb, 3);
    }

    private static void CheckSize(int length, int height, int width, int bytesPerPixel, string parameter)
    {
        if (height <= 0 || width <= 0)
        {
            throw new MaskFormatException($"A PNG needs at least one pixel (image is {height}×{width}).");
        }
        var n = RleSize.BufferLength(height, width);
        if ((long)n * bytesPerPixel != length)
        {
            throw new ArgumentException($"Image has {length} bytes, expected {height}×{width}×{bytesPerPixel} = {(long)n * bytesPerPixel}.", parameter);
        }
    }

    private static void WriteImage(Stream output, ReadOnlySpan<byte> pixels, int height, int width, byte colourType, int bytesPerPixel)
    {
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = colourType;
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);

        var stride = width * bytesPerPixel;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = new byte[stride + 1];
            ReadOnlySpan<byte> previous = new byte[stride];
            for (var r = 0; r < height; r++)
            {
                var current = pixels.Slice(r * stride, stride);
                line[0] = 2; // Up
                for (var c = 0; c < stride; c++)
                {
                    line[c + 1] = (byte)(current[c] - previous[c]);
                }
                zlib.Write(line);
                previous = current;
            }
        }
        var data = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        const int MaxChunk = 1 << 20;
        for (var offset = 0; offset < data.Length; offset += MaxChunk)
        {
            WriteChunk(output, "IDAT"u8, data.Slice(offset, Math.Min(MaxChunk, data.Length - offset)));
        }
        WriteChunk(output, "IEND"u8, []);
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        var crc = PngCrc.Update(PngCrc.Update(0, type), data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
