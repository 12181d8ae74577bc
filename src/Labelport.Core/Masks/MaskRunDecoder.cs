using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Labelport.Core.Masks;

/// <summary>Expands runs (first = zeros) into a 0/1 byte mask in the runs' own memory order.</summary>
internal static class MaskRunDecoder
{
    /// <summary>
    /// Fast path: runs of up to 32 pixels are written as two 16-byte stores (the overhang is overwritten by the
    /// following runs, which cover the rest of the mask), longer runs with the vectorised <c>Fill</c>.
    /// </summary>
    public static void Decode(ReadOnlySpan<uint> counts, Span<byte> destination)
    {
        var n = (long)destination.Length;
        ref var dst = ref MemoryMarshal.GetReference(destination);
        var zero = Vector128<byte>.Zero;
        var one = Vector128.Create((byte)1);
        long position = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            var end = position + c;
            if (end > n)
            {
                throw new MaskFormatException($"Counts run past the mask at count #{i}: {end} > {n} pixels.");
            }
            var value = (i & 1) == 0 ? zero : one;
            if (c <= 32 && position + 32 <= n)
            {
                value.StoreUnsafe(ref dst, (nuint)position);
                value.StoreUnsafe(ref dst, (nuint)position + 16);
            }
            else
            {
                destination.Slice((int)position, (int)c).Fill((byte)(i & 1));
            }
            position = end;
        }
        if (position != n)
        {
            throw new MaskFormatException($"Counts sum to {position} pixels, but the mask has {n}.");
        }
    }

    /// <summary>Reference path: one pixel at a time.</summary>
    public static void DecodeScalar(ReadOnlySpan<uint> counts, Span<byte> destination)
    {
        var position = 0L;
        for (var i = 0; i < counts.Length; i++)
        {
            if (position + counts[i] > destination.Length)
            {
                throw new MaskFormatException($"Counts run past the mask at count #{i}.");
            }
            for (long j = 0; j < counts[i]; j++)
            {
                destination[(int)position++] = (byte)(i & 1);
            }
        }
        if (position != destination.Length)
        {
            throw new MaskFormatException($"Counts sum to {position} pixels, but the mask has {destination.Length}.");
        }
    }
}
