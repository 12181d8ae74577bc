using System.Buffers.Binary;
using System.IO.Compression;

namespace Labelport.Core.Masks;

/// <summary>Writes a mask as an 8-bit greyscale PNG (0 = background, 255 = foreground), rows "Up"-filtered.</summary>
public static class PngWriter
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes an h×w row-major mask (non-zero = foreground) to <paramref name="output"/>.</summary>
    public static void WriteMask(Stream output, ReadOnlySpan<byte> rowMajor, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (height <= 0 || width <= 0)
        {
            throw new MaskFormatException($"A PNG needs at least one pixel (mask is {height}×{width}).");
        }
        var n = RleSize.BufferLength(height, width);
        if (rowMajor.Length != n)
        {
            throw new ArgumentException($"Mask has {rowMajor.Length} bytes, expected {height}×{width} = {n}.", nameof(rowMajor));
        }
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 0;  // greyscale
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = new byte[width + 1];
            var previous = new byte[width];
            var current = new byte[width];
            for (var r = 0; r < height; r++)
            {
                var row = rowMajor.Slice(r * width, width);
                for (var c = 0; c < width; c++)
                {
                    current[c] = row[c] != 0 ? (byte)255 : (byte)0;
                }
                line[0] = 2; // Up
                for (var c = 0; c < width; c++)
                {
                    line[c + 1] = (byte)(current[c] - previous[c]);
                }
                zlib.Write(line);
                (previous, current) = (current, previous);
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
