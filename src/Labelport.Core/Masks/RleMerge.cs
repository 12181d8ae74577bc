using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Labelport.Core.Masks;

/// <summary>
/// pycocotools <c>rleMerge</c> (and the pixel-counting loop of <c>rleIou</c>) for two masks of the same size:
/// walk both run lists together, min(remaining a, remaining b) pixels at a time, and cut a run whenever the
/// combined value changes. The output is canonical, so for canonical input it is identical to the C output.
/// </summary>
/// <remarks>
/// Zero-length runs are skipped before each step. The C loop stops as soon as both current runs are empty, so
/// a zero-length run in its input ends the merge early with counts that no longer cover h×w; here such input
/// merges like the pixels it decodes to (docs/masks.md, non-canonical policy).
/// </remarks>
internal static class RleMerge
{
    public static void Merge(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, RleMergeOperation operation, RunBuffer output)
    {
        switch (operation)
        {
            case RleMergeOperation.Union:
                Merge<UnionOperation>(a, b, output);
                break;
            case RleMergeOperation.Intersection:
                Merge<IntersectionOperation>(a, b, output);
                break;
            default:
                Merge<DifferenceOperation>(a, b, output);
                break;
        }
    }

    private static void Merge<TOperation>(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, RunBuffer output)
        where TOperation : struct, IMergeOperation
    {
        // Every output boundary is a boundary of a or b: at most |a| + |b| runs.
        output.Count = 0;
        output.EnsureCapacity(a.Length + b.Length + 1);
        // Each step uses up a run of a or b, so k ≤ |a| + |b| + 1 (the capacity): the writes need no bounds checks.
        ref var result = ref MemoryMarshal.GetArrayDataReference(output.Items);
        var k = 0;
        uint ca = 0, cb = 0, cc = 0;
        bool va = true, vb = true, current = false;
        int ia = 0, ib = 0;
        while (true)
        {
            while (ca == 0 && ia < a.Length)
            {
                ca = a[ia++];
                va = !va;
            }
            while (cb == 0 && ib < b.Length)
            {
                cb = b[ib++];
                vb = !vb;
            }
            if (ca == 0 || cb == 0)
            {
                break; // both exhausted (the counts of both sum to h×w)
            }
            var c = Math.Min(ca, cb);
            var v = TOperation.Apply(va, vb);
            // Branch-free: whether the value changes is as random as the masks; an unchanged step's write is overwritten.
            var changed = v != current;
            Unsafe.Add(ref result, k) = cc;
            k += changed ? 1 : 0;
            cc = changed ? c : cc + c;
            current = v;
            ca -= c;
            cb -= c;
        }
        Unsafe.Add(ref result, k++) = cc;
        output.Count = k;
    }

    /// <summary>Intersection and union pixel counts of two same-size masks (the loop of <c>rleIou</c>).</summary>
    public static (ulong Intersection, ulong Union) Overlap(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        uint ca = 0, cb = 0;
        bool va = true, vb = true;
        int ia = 0, ib = 0;
        ulong intersection = 0, union = 0;
        while (true)
        {
            while (ca == 0 && ia < a.Length)
            {
                ca = a[ia++];
                va = !va;
            }
            while (cb == 0 && ib < b.Length)
            {
                cb = b[ib++];
                vb = !vb;
            }
            if (ca == 0 || cb == 0)
            {
                return (intersection, union);
            }
            var c = Math.Min(ca, cb);
            if (va || vb)
            {
                union += c;
                if (va && vb)
                {
                    intersection += c;
                }
            }
            ca -= c;
            cb -= c;
        }
    }

    private interface IMergeOperation
    {
        static abstract bool Apply(bool a, bool b);
    }

    private readonly struct UnionOperation : IMergeOperation
    {
        public static bool Apply(bool a, bool b) => a | b;
    }

    private readonly struct IntersectionOperation : IMergeOperation
    {
        public static bool Apply(bool a, bool b) => a & b;
    }

    private readonly struct DifferenceOperation : IMergeOperation
    {
        public static bool Apply(bool a, bool b) => a & !b;
    }
}
