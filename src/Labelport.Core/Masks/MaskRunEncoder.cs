using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Labelport.Core.Masks;

/// <summary>
/// Run-length encodes a byte mask in its own memory order: first run = zeros, then alternating.
/// Every non-zero byte is foreground (see docs/masks.md, "raw bytes"): pycocotools would start a new run
/// on every change of byte value, which only matters for masks that are not 0/1.
/// </summary>
internal static class MaskRunEncoder
{
    /// <summary>
    /// The default (fastest) path: 64 pixels at a time as a bit mask, run boundaries by trailing-zero count; after a
    /// block without a boundary the rest of the run is skipped with IndexOf / IndexOfAnyExcept.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> mask, RunBuffer runs) => TryEncodeBits(mask, runs, int.MaxValue);

    /// <summary>Encodes unless the mask has more than <paramref name="maxRuns"/> runs (then the buffer content is undefined).</summary>
    public static bool TryEncode(ReadOnlySpan<byte> mask, RunBuffer runs, int maxRuns) => TryEncodeBits(mask, runs, maxRuns);

    /// <summary>Reference path: one pixel at a time.</summary>
    public static void EncodeScalar(ReadOnlySpan<byte> mask, RunBuffer runs)
    {
        runs.Count = 0;
        var previous = false;
        var last = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            var value = mask[i] != 0;
            if (value != previous)
            {
                runs.Add((uint)(i - last));
                last = i;
                previous = value;
            }
        }
        runs.Add((uint)(mask.Length - last));
    }

    /// <summary>The BCL path: each run end found with the vectorised IndexOf / IndexOfAnyExcept.</summary>
    public static void EncodeIndexOf(ReadOnlySpan<byte> mask, RunBuffer runs)
    {
        runs.Count = 0;
        var position = 0;
        var ones = false;
        while (true)
        {
            var rest = mask[position..];
            var length = ones ? rest.IndexOf((byte)0) : rest.IndexOfAnyExcept((byte)0);
            if (length < 0)
            {
                runs.Add((uint)rest.Length);
                return;
            }
            runs.Add((uint)length);
            position += length;
            ones = !ones;
        }
    }

    private static bool TryEncodeBits(ReadOnlySpan<byte> mask, RunBuffer runs, int maxRuns)
    {
        var n = mask.Length;
        ref var source = ref MemoryMarshal.GetReference(mask);
        runs.EnsureCapacity(Math.Min(n, 4096) + 1);
        var items = runs.Items;
        var k = 0;
        var last = 0;
        ulong previous = 0;
        var i = 0;
        while (i <= n - 64)
        {
            var bits = NonZeroBits(ref source, (nuint)i);
            var transitions = bits ^ ((bits << 1) | previous);
            previous = bits >> 63;
            if (transitions == 0)
            {
                // A uniform block: let the BCL's vectorised search skip the rest of the run.
                var rest = mask[(i + 64)..];
                var same = previous == 0 ? rest.IndexOfAnyExcept((byte)0) : rest.IndexOf((byte)0);
                i += 64 + (same < 0 ? rest.Length : same);
                continue;
            }
            if (k + 65 > items.Length)
            {
                if (k > maxRuns)
                {
                    return false;
                }
                runs.Count = k;
                runs.EnsureCapacity(k + 65);
                items = runs.Items;
            }
            do
            {
                var position = i + BitOperations.TrailingZeroCount(transitions);
                items[k++] = (uint)(position - last);
                last = position;
                transitions &= transitions - 1;
            }
            while (transitions != 0);
            i += 64;
        }
        runs.Count = k;
        var previousValue = previous != 0;
        for (; i < n; i++)
        {
            var value = Unsafe.Add(ref source, i) != 0;
            if (value != previousValue)
            {
                runs.Add((uint)(i - last));
                last = i;
                previousValue = value;
            }
        }
        runs.Add((uint)(n - last));
        return runs.Count <= maxRuns;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NonZeroBits(ref byte source, nuint offset)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            return ~Vector512.Equals(Vector512.LoadUnsafe(ref source, offset), Vector512<byte>.Zero).ExtractMostSignificantBits();
        }
        if (Vector256.IsHardwareAccelerated)
        {
            ulong low = Vector256.Equals(Vector256.LoadUnsafe(ref source, offset), Vector256<byte>.Zero).ExtractMostSignificantBits();
            ulong high = Vector256.Equals(Vector256.LoadUnsafe(ref source, offset + 32), Vector256<byte>.Zero).ExtractMostSignificantBits();
            return ~(low | (high << 32));
        }
        ulong zeros = 0;
        for (var part = 0; part < 4; part++)
        {
            ulong chunk = Vector128.Equals(Vector128.LoadUnsafe(ref source, offset + (nuint)(16 * part)), Vector128<byte>.Zero).ExtractMostSignificantBits();
            zeros |= chunk << (16 * part);
        }
        return ~zeros;
    }
}
