using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>
/// The compressed RLE string of pycocotools (<c>rleToString</c>/<c>rleFrString</c>, spec coco-rle.md §4-5), also used
/// by Encord's <c>rleString</c>: 5 payload bits per character in <c>'0'..'o'</c>, 0x20 = continuation, the last
/// character's 0x10 = sign, counts from index 3 on stored as deltas against the count two before.
/// Decoding uses 64-bit arithmetic, so unlike the C code 7-character tokens decode correctly.
/// </summary>
public static class RleStringCodec
{
    /// <summary>The longest token a 32-bit count (or a delta of two) needs: ceil(34 / 5) = 7 characters.</summary>
    public const int MaxTokenLength = 7;

    public static string Encode(ReadOnlySpan<uint> counts)
    {
        if (counts.IsEmpty)
        {
            return string.Empty;
        }
        var rented = ArrayPool<byte>.Shared.Rent(counts.Length * MaxTokenLength);
        try
        {
            var length = Encode(counts, rented);
            return string.Create(length, rented, static (span, bytes) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = (char)bytes[i];
                }
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Encodes into ASCII bytes; <paramref name="destination"/> needs <c>counts.Length × 7</c> bytes at most. Returns the length.</summary>
    public static int Encode(ReadOnlySpan<uint> counts, Span<byte> destination)
    {
        var p = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            long x = counts[i];
            if (i > 2)
            {
                x -= counts[i - 2];
            }
            while (true)
            {
                var c = (int)(x & 0x1f);
                x >>= 5;
                var more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more)
                {
                    c |= 0x20;
                }
                destination[p++] = (byte)(c + 48);
                if (!more)
                {
                    break;
                }
            }
        }
        return p;
    }

    /// <summary>Decodes a string into counts. Returns false with a message for characters outside '0'..'o', a truncated
    /// token, a token too long for 64 bits, or a count outside the 32-bit range.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, List<uint> counts, out string? error)
    {
        ArgumentNullException.ThrowIfNull(counts);
        counts.Clear();
        var i = 0;
        while (i < text.Length)
        {
            if (!TryReadToken(text, ref i, out var x, out error))
            {
                return false;
            }
            if (counts.Count > 2)
            {
                x += counts[^2];
            }
            if (x < 0 || x > uint.MaxValue)
            {
                error = "run " + counts.Count + " decodes to " + x + ", outside 0.." + uint.MaxValue;
                return false;
            }
            counts.Add((uint)x);
        }
        error = null;
        return true;
    }

    public static uint[] Decode(ReadOnlySpan<char> text)
    {
        var counts = new List<uint>();
        if (!TryDecode(text, counts, out var error))
        {
            throw new MaskFormatException(error!);
        }
        return [.. counts];
    }

    /// <summary>Checks a string and sums its counts without storing them (validation of Encord bitmasks).</summary>
    public static bool TrySumCounts(ReadOnlySpan<char> text, out long sum, out string? error)
    {
        sum = 0;
        long previous2 = 0, previous1 = 0;
        var index = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!TryReadToken(text, ref i, out var x, out error))
            {
                return false;
            }
            if (index > 2)
            {
                x += previous2;
            }
            if (x < 0 || x > uint.MaxValue)
            {
                error = "RLE run " + index + " decodes to " + x + ", outside 0.." + uint.MaxValue;
                return false;
            }
            sum += x;
            previous2 = previous1;
            previous1 = x;
            index++;
        }
        error = null;
        return true;
    }

    private static bool TryReadToken(ReadOnlySpan<char> text, ref int i, out long value, out string? error)
    {
        long x = 0;
        var k = 0;
        var start = i;
        while (true)
        {
            if (i >= text.Length)
            {
                value = 0;
                error = "RLE string ends inside a token (position " + start + ")";
                return false;
            }
            var ch = text[i];
            var c = ch - 48;
            if (c is < 0 or > 63)
            {
                value = 0;
                error = "RLE string has '" + ch + "' at position " + i + "; only characters '0'..'o' are allowed";
                return false;
            }
            if (k >= 12)
            {
                value = 0;
                error = "RLE token at position " + start + " is too long (more than 12 characters)";
                return false;
            }
            x |= (long)(c & 0x1f) << (5 * k);
            i++;
            k++;
            if ((c & 0x20) == 0)
            {
                if ((c & 0x10) != 0)
                {
                    x |= -1L << (5 * k);
                }
                value = x;
                error = null;
                return true;
            }
        }
    }
}
