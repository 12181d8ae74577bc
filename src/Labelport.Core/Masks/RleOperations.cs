namespace Labelport.Core.Masks;

/// <summary>pycocotools' <c>rleMerge</c>, <c>rleIou</c> and <c>bbIou</c> (spec coco-rle.md §8-9), walking run lists without decoding.</summary>
public static class RleOperations
{
    /// <summary>
    /// Union (or intersection) of masks. No masks → the empty 0×0 mask; one → a copy; masks of different sizes → the
    /// empty 0×0 mask (pycocotools' answer, not an error). The result is canonical.
    /// </summary>
    public static CocoRle Merge(IReadOnlyList<CocoRle> masks, bool intersect)
    {
        ArgumentNullException.ThrowIfNull(masks);
        if (masks.Count == 0)
        {
            return CocoRle.Empty;
        }
        var first = masks[0];
        if (masks.Count == 1)
        {
            return new CocoRle(first.Height, first.Width, (uint[])first.Counts.Clone());
        }
        var current = first.Counts;
        for (var i = 1; i < masks.Count; i++)
        {
            var b = masks[i];
            if (b.Height != first.Height || b.Width != first.Width)
            {
                return CocoRle.Empty;
            }
            current = MergeTwo(current, b.Counts, intersect);
        }
        return new CocoRle(first.Height, first.Width, current);
    }

    /// <summary><paramref name="a"/> minus <paramref name="b"/> (a AND NOT b), for polygon holes.</summary>
    public static CocoRle Subtract(CocoRle a, CocoRle b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Merge([a, b.Invert()], intersect: true);
    }

    private static uint[] MergeTwo(uint[] a, uint[] b, bool intersect)
    {
        var output = new RunLengthEncoder.CountsBuilder(a.Length + b.Length + 1);
        try
        {
            uint ca = a.Length > 0 ? a[0] : 0, cb = b.Length > 0 ? b[0] : 0, cc = 0, ct = 1;
            bool v = false, va = false, vb = false;
            int ia = 1, ib = 1;
            while (ct > 0)
            {
                var c = Math.Min(ca, cb);
                cc += c;
                ct = 0;
                ca -= c;
                if (ca == 0 && ia < a.Length)
                {
                    ca = a[ia++];
                    va = !va;
                }
                ct += ca;
                cb -= c;
                if (cb == 0 && ib < b.Length)
                {
                    cb = b[ib++];
                    vb = !vb;
                }
                ct += cb;
                var vp = v;
                v = intersect ? va && vb : va || vb;
                if (v != vp || ct == 0)
                {
                    output.Add(cc);
                    cc = 0;
                }
            }
            return output.ToArray();
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>
    /// <c>rleIou</c>: result <c>[d][g]</c>. Pairs whose boxes do not overlap stay 0; overlapping pairs of different sizes
    /// give -1; crowd ground truth (per <paramref name="isCrowd"/>[g]) gives |dt ∩ gt| / |dt|.
    /// </summary>
    public static double[][] Iou(IReadOnlyList<CocoRle> detections, IReadOnlyList<CocoRle> groundTruth, IReadOnlyList<bool>? isCrowd)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var dtBoxes = detections.Select(d => d.ToBbox()).ToArray();
        var gtBoxes = groundTruth.Select(g => g.ToBbox()).ToArray();
        var result = BoxIou(dtBoxes, gtBoxes, isCrowd);
        for (var g = 0; g < groundTruth.Count; g++)
        {
            for (var d = 0; d < detections.Count; d++)
            {
                if (result[d][g] <= 0)
                {
                    continue;
                }
                var dt = detections[d];
                var gt = groundTruth[g];
                if (dt.Height != gt.Height || dt.Width != gt.Width)
                {
                    result[d][g] = -1;
                    continue;
                }
                var crowd = isCrowd is not null && isCrowd[g];
                var (intersection, union) = Overlap(dt.Counts, gt.Counts);
                if (intersection == 0)
                {
                    union = 1;
                }
                else if (crowd)
                {
                    union = dt.Area;
                }
                result[d][g] = (double)intersection / union;
            }
        }
        return result;
    }

    private static (uint Intersection, uint Union) Overlap(uint[] a, uint[] b)
    {
        uint ca = a.Length > 0 ? a[0] : 0, cb = b.Length > 0 ? b[0] : 0, u = 0, i = 0, ct = 1;
        bool va = false, vb = false;
        int ia = 1, ib = 1;
        while (ct > 0)
        {
            var c = Math.Min(ca, cb);
            if (va || vb)
            {
                u += c;
                if (va && vb)
                {
                    i += c;
                }
            }
            ct = 0;
            ca -= c;
            if (ca == 0 && ia < a.Length)
            {
                ca = a[ia++];
                va = !va;
            }
            ct += ca;
            cb -= c;
            if (cb == 0 && ib < b.Length)
            {
                cb = b[ib++];
                vb = !vb;
            }
            ct += cb;
        }
        return (i, u);
    }

    /// <summary><c>bbIou</c> of <c>[x, y, w, h]</c> boxes (continuous coordinates): result <c>[d][g]</c>.</summary>
    public static double[][] BoxIou(IReadOnlyList<double[]> detections, IReadOnlyList<double[]> groundTruth, IReadOnlyList<bool>? isCrowd)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var result = new double[detections.Count][];
        for (var d = 0; d < detections.Count; d++)
        {
            result[d] = new double[groundTruth.Count];
        }
        for (var g = 0; g < groundTruth.Count; g++)
        {
            var gb = groundTruth[g];
            var ga = gb[2] * gb[3];
            var crowd = isCrowd is not null && isCrowd[g];
            for (var d = 0; d < detections.Count; d++)
            {
                var db = detections[d];
                var da = db[2] * db[3];
                var w = Math.Min(db[2] + db[0], gb[2] + gb[0]) - Math.Max(db[0], gb[0]);
                if (w <= 0)
                {
                    continue;
                }
                var h = Math.Min(db[3] + db[1], gb[3] + gb[1]) - Math.Max(db[1], gb[1]);
                if (h <= 0)
                {
                    continue;
                }
                var i = w * h;
                var u = crowd ? da : da + ga - i;
                result[d][g] = i / u;
            }
        }
        return result;
    }
}
