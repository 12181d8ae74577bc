using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Labelport.Core.Masks;

/// <summary>
/// The compressed counts string of COCO RLE (pycocotools <c>rleToString</c> / <c>rleFrString</c>): 5 payload bits
/// per character in '0'..'o', 0x20 = continuation, bit 0x10 of a token's last character = sign, and from the
/// fourth count on each value is stored as the difference to the count two places back.
/// Encord's <c>rleString</c> uses the same code (over row-major runs).
/// </summary>
/// <remarks>
/// Deliberately more correct than the C code: values are decoded in 64-bit (7-character negative tokens work),
/// and every malformed input is a <see cref="MaskFormatException"/> naming the character offset.
/// </remarks>
public static partial class RleStringCodec
{
    /// <summary>Longest token the encoder writes: a 33-bit signed delta needs 7 characters.</summary>
    public const int MaxTokenLength = 7;

    /// <summary>Upper bound of the UTF-8 length of the string for <paramref name="countsLength"/> counts.</summary>
    public static int GetMaxByteCount(int countsLength) => checked(countsLength * MaxTokenLength);

    /// <summary>Writes the ASCII (= UTF-8) counts string; returns the number of bytes written.</summary>
    public static int Write(ReadOnlySpan<uint> counts, Span<byte> destination)
    {
        if (destination.Length < GetMaxByteCount(counts.Length))
        {
            return WriteChecked(counts, destination);
        }
        ref var dst = ref MemoryMarshal.GetReference(destination);
        ref var source = ref MemoryMarshal.GetReference(counts);
        nint k = 0;
        var nextVectorTry = 3;
        for (var i = 0; i < counts.Length; i++)
        {
            if (i == nextVectorTry && Vector256.IsHardwareAccelerated && i + 16 <= counts.Length)
            {
                if (TryWriteSixteenSingleCharacterTokens(ref source, i, ref Unsafe.Add(ref dst, k)))
                {
                    k += 16;
                    i += 15;
                    nextVectorTry = i + 1;
                    continue;
                }
                nextVectorTry = i + 16; // mixed tokens here: go on one by one for a while
            }
            long x = counts[i];
            if (i > 2)
            {
                x -= counts[i - 2];
            }
            if ((ulong)(x + 16) < 32)
            {
                Unsafe.Add(ref dst, k++) = (byte)((x & 0x1f) + 48);
                continue;
            }
            if ((ulong)(x + 512) < 1024)
            {
                // -512..511 outside -16..15: always exactly two characters (continuation, then 5 bits with the sign).
                Unsafe.Add(ref dst, k++) = (byte)((x & 0x1f) + 0x20 + 48);
                Unsafe.Add(ref dst, k++) = (byte)(((x >> 5) & 0x1f) + 48);
                continue;
            }
            bool more;
            do
            {
                var c = (int)(x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more)
                {
                    c |= 0x20;
                }
                Unsafe.Add(ref dst, k++) = (byte)(c + 48);
            }
            while (more);
        }
        return (int)k;
    }

    /// <summary>
    /// counts[i..i+16) whose deltas (to the count two back) are all in -16..15 are one character each
    /// ((delta &amp; 0x1f) + 48): checked and written 16 at a time. Counts below 2^31 keep the int32 delta exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryWriteSixteenSingleCharacterTokens(ref uint counts, int i, ref byte destination)
    {
        var a0 = Vector256.LoadUnsafe(ref counts, (nuint)i).AsInt32();
        var a1 = Vector256.LoadUnsafe(ref counts, (nuint)(i + 8)).AsInt32();
        var b0 = Vector256.LoadUnsafe(ref counts, (nuint)(i - 2)).AsInt32();
        var b1 = Vector256.LoadUnsafe(ref counts, (nuint)(i + 6)).AsInt32();
        var d0 = a0 - b0;
        var d1 = a1 - b1;
        var sixteen = Vector256.Create(16);
        var inRange = Vector256.LessThanAll((d0 + sixteen).AsUInt32(), Vector256.Create(32u))
            & Vector256.LessThanAll((d1 + sixteen).AsUInt32(), Vector256.Create(32u))
            & Vector256.GreaterThanOrEqualAll(a0 | a1 | b0 | b1, Vector256<int>.Zero);
        if (!inRange)
        {
            return false;
        }
        var mask = Vector256.Create(0x1f);
        var zero = Vector256.Create(48);
        var shorts = Vector256.Narrow((d0 & mask) + zero, (d1 & mask) + zero);
        Vector256.Narrow(shorts, shorts).GetLower().AsByte().StoreUnsafe(ref destination);
        return true;
    }

    private static int WriteChecked(ReadOnlySpan<uint> counts, Span<byte> destination)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(GetMaxByteCount(counts.Length));
        try
        {
            var length = Write(counts, buffer);
            if (length > destination.Length)
            {
                throw new ArgumentException($"Destination has {destination.Length} bytes; the counts string needs {length}.", nameof(destination));
            }
            buffer.AsSpan(0, length).CopyTo(destination);
            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Same as <see cref="Write"/> (name kept for callers of the first port).</summary>
    public static int Encode(ReadOnlySpan<uint> counts, Span<byte> destination) => Write(counts, destination);

    /// <summary>The counts string as a .NET string (pycocotools <c>rleToString</c>).</summary>
    public static string Encode(ReadOnlySpan<uint> counts) => ToString(counts);


    /// <summary>The counts string as a .NET string.</summary>
    public static string ToString(ReadOnlySpan<uint> counts)
    {
        if (counts.IsEmpty)
        {
            return string.Empty;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(GetMaxByteCount(counts.Length));
        try
        {
            var length = Write(counts, buffer);
            return Encoding.Latin1.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
