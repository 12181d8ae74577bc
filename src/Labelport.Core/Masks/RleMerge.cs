namespace Labelport.Core.Masks;

/// <summary>
/// pycocotools <c>rleMerge</c> for two masks of the same size: walk both run lists together, taking
/// min(remaining a, remaining b) pixels at a time, and cut a run whenever the combined value changes.
/// The output is canonical. The remaining-pixels total is kept in 64 bits (C uses uint32, which wraps for masks
/// above 2^31 pixels).
/// </summary>
internal static class RleMerge
{
    public static void Merge(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, RleMergeOperation operation, RunBuffer output)
    {
        output.Count = 0;
        uint ca = a.IsEmpty ? 0 : a[0];
        uint cb = b.IsEmpty ? 0 : b[0];
        bool va = false, vb = false, v = false;
        int ia = 1, ib = 1;
        uint cc = 0;
        ulong remaining = 1;
        while (remaining > 0)
        {
            var c = Math.Min(ca, cb);
            cc += c;
            remaining = 0;
            ca -= c;
            if (ca == 0 && ia < a.Length)
            {
                ca = a[ia++];
                va = !va;
            }
            remaining += ca;
            cb -= c;
            if (cb == 0 && ib < b.Length)
            {
                cb = b[ib++];
                vb = !vb;
            }
            remaining += cb;
            var previous = v;
            v = operation switch
            {
                RleMergeOperation.Union => va || vb,
                RleMergeOperation.Intersection => va && vb,
                _ => va && !vb,
            };
            if (v != previous || remaining == 0)
            {
                output.Add(cc);
                cc = 0;
            }
        }
    }

    /// <summary>Intersection and union pixel counts of two same-size masks (the loop of <c>rleIou</c>).</summary>
    public static (ulong Intersection, ulong Union) Overlap(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        uint ca = a.IsEmpty ? 0 : a[0];
        uint cb = b.IsEmpty ? 0 : b[0];
        bool va = false, vb = false;
        int ia = 1, ib = 1;
        ulong intersection = 0, union = 0, remaining = 1;
        while (remaining > 0)
        {
            var c = Math.Min(ca, cb);
            if (va || vb)
            {
                union += c;
                if (va && vb)
                {
                    intersection += c;
                }
            }
            remaining = 0;
            ca -= c;
            if (ca == 0 && ia < a.Length)
            {
                ca = a[ia++];
                va = !va;
            }
            remaining += ca;
            cb -= c;
            if (cb == 0 && ib < b.Length)
            {
                cb = b[ib++];
                vb = !vb;
            }
            remaining += cb;
        }
        return (intersection, union);
    }
}
