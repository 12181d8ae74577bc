using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Labelport.Core.Masks;

/// <summary>
/// Run-length encodes a byte mask in its own memory order: first run = zeros, then alternating.
/// Every non-zero byte is foreground (see docs/masks.md, "raw bytes"): pycocotools would start a new run
/// on every change of byte value, which only matters for masks that are not 0/1.
/// </summary>
internal static class MaskRunEncoder
{
    /// <summary>
    /// The default (fastest) path: 64 pixels at a time as a bit mask of run boundaries, collected by a byte lookup
    /// table when the block is dense (AVX2) and by trailing-zero counts otherwise; after a block without a boundary
    /// the rest of the run is skipped with IndexOf / IndexOfAnyExcept.
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

    /// <summary>The bit-mask path without the lookup-table collector (one trailing-zero count per run): the reference for it.</summary>
    internal static void EncodeBitsWithoutTable(ReadOnlySpan<byte> mask, RunBuffer runs) => TryEncodeBits(mask, runs, int.MaxValue, lookupTable: false);

    private static bool TryEncodeBits(ReadOnlySpan<byte> mask, RunBuffer runs, int maxRuns, bool lookupTable = true)
    {
        // Collects run *ends* (absolute positions: no dependency from one run to the next), then turns them into
        // lengths in one vectorised pass. Positions fit in uint: h×w ≤ 2^32 - 1.
        var n = mask.Length;
        ref var source = ref MemoryMarshal.GetReference(mask);
        runs.EnsureCapacity(Math.Min(n, 4096) + 1);
        var items = runs.Items;
        var useTable = lookupTable && Avx2.IsSupported;
        var k = 0;
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
            if (k + 64 + TableSlack > items.Length)
            {
                if (k > maxRuns)
                {
                    return false;
                }
                runs.Count = k;
                runs.EnsureCapacity(k + 64 + TableSlack);
                items = runs.Items;
            }
            if (useTable && BitOperations.PopCount(transitions) >= DenseWord)
            {
                k = AppendEndsByTable(ref MemoryMarshal.GetArrayDataReference(items), k, transitions, i);
            }
            else
            {
                do
                {
                    items[k++] = (uint)(i + BitOperations.TrailingZeroCount(transitions));
                    transitions &= transitions - 1;
                }
                while (transitions != 0);
            }
            i += 64;
        }
        runs.Count = k;
        var previousValue = previous != 0;
        for (; i < n; i++)
        {
            var value = Unsafe.Add(ref source, i) != 0;
            if (value != previousValue)
            {
                runs.Add((uint)i);
                previousValue = value;
            }
        }
        runs.Add((uint)n);
        EndsToLengths(runs.Items.AsSpan(0, runs.Count));
        return runs.Count <= maxRuns;
    }

    // The table collector pays off from about this many runs in a 64-pixel block (below it the trailing-zero loop
    // does fewer stores); it writes 8 slots per byte unconditionally, so the buffer keeps that much slack.
    private const int DenseWord = 12;
    private const int TableSlack = 8;

    /// <summary>For each byte value, the positions of its set bits (0..7) packed into the low bytes, in order.</summary>
    private static readonly ulong[] SetBitPositions = BuildSetBitPositions();

    private static ulong[] BuildSetBitPositions()
    {
        var table = new ulong[256];
        for (var value = 0; value < 256; value++)
        {
            var slot = 0;
            for (var bit = 0; bit < 8; bit++)
            {
                if ((value & (1 << bit)) != 0)
                {
                    table[value] |= (ulong)bit << (8 * slot++);
                }
            }
        }
        return table;
    }

    /// <summary>
    /// Appends i + (position of every set bit) of <paramref name="transitions"/>, eight bits at a time: the byte's
    /// bit positions from the table, widened to eight int32 lanes, stored whole; the count advances by the popcount.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AppendEndsByTable(ref uint items, int k, ulong transitions, int i)
    {
        ref var table = ref MemoryMarshal.GetArrayDataReference(SetBitPositions);
        var offset = Vector256.Create(i);
        var eight = Vector256.Create(8);
        for (var shift = 0; shift < 64; shift += 8)
        {
            var value = (int)(transitions >> shift) & 0xff;
            var positions = Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.Add(ref table, value)).AsByte());
            (positions + offset).AsUInt32().StoreUnsafe(ref items, (nuint)k);
            k += BitOperations.PopCount((uint)value);
            offset += eight;
        }
        return k;
    }

    /// <summary>Run ends → run lengths in place (ends[j] - ends[j - 1]), from the back so every read is still an end.</summary>
    private static void EndsToLengths(Span<uint> ends)
    {
        ref var first = ref MemoryMarshal.GetReference(ends);
        var k = ends.Length - 1;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k >= 8; k -= 8)
            {
                var start = (nuint)(k - 7);
                (Vector256.LoadUnsafe(ref first, start) - Vector256.LoadUnsafe(ref first, start - 1)).StoreUnsafe(ref first, start);
            }
        }
        for (; k >= 1; k--)
        {
            Unsafe.Add(ref first, k) -= Unsafe.Add(ref first, k - 1);
        }
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
