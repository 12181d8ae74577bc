using System.Buffers.Binary;

namespace Labelport.Server.Datasets;

/// <summary>
/// Recognises the allowed upload types by their magic bytes (PNG, JPEG, WebP, MP4, WebM) and reads image sizes from
/// the headers (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X). Anything else is not media this server stores.
/// </summary>
public static class MediaSniffer
{
    /// <summary>Bytes of a file's start that <see cref="Sniff"/> looks at (JPEG size markers may follow large EXIF blocks).</summary>
    public const int HeadLength = 512 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffedMedia? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature))
        {
            return head.Length >= 24 && head.Slice(12, 4).SequenceEqual("IHDR"u8)
                ? new SniffedMedia("image/png", ReadInt32(head, 16), ReadInt32(head, 20))
                : new SniffedMedia("image/png", null, null);
        }
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            var (width, height) = ReadJpegSize(head);
            return new SniffedMedia("image/jpeg", width, height);
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            var (width, height) = ReadWebPSize(head);
            return new SniffedMedia("image/webp", width, height);
        }
        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return new SniffedMedia("video/mp4", null, null);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return new SniffedMedia("video/webm", null, null);
        }
        return null;
    }

    private static int? ReadInt32(ReadOnlySpan<byte> head, int offset)
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(head.Slice(offset, 4));
        return value is > 0 and <= int.MaxValue ? (int)value : null;
    }

    private static (int? Width, int? Height) ReadJpegSize(ReadOnlySpan<byte> head)
    {
        var position = 2;
        while (position + 9 < head.Length)
        {
            if (head[position] != 0xFF)
            {
                return (null, null);
            }
            var marker = head[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(head.Slice(position + 2, 2));
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isStartOfFrame)
            {
                int height = BinaryPrimitives.ReadUInt16BigEndian(head.Slice(position + 5, 2));
                int width = BinaryPrimitives.ReadUInt16BigEndian(head.Slice(position + 7, 2));
                return (width > 0 ? width : null, height > 0 ? height : null);
            }
            if (marker == 0xDA || length < 2)
            {
                return (null, null);
            }
            position += 2 + length;
        }
        return (null, null);
    }

    private static (int? Width, int? Height) ReadWebPSize(ReadOnlySpan<byte> head)
    {
        if (head.Length < 30)
        {
            return (null, null);
        }
        var chunk = head.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (head[24] | head[25] << 8 | head[26] << 16);
            var height = 1 + (head[27] | head[28] << 8 | head[29] << 16);
            return (width, height);
        }
        if (chunk.SequenceEqual("VP8L"u8) && head[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head.Slice(21, 4));
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8 "u8) && head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A)
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(head.Slice(26, 2)) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(head.Slice(28, 2)) & 0x3FFF);
        }
        return (null, null);
    }
}
