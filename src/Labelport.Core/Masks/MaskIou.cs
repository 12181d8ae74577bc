namespace Labelport.Core.Masks;

/// <summary>
/// pycocotools <c>iou</c>: intersection over union of detections <c>dt</c> against ground truth <c>gt</c>,
/// as a matrix <c>[d, g]</c>. <c>iscrowd[g]</c> = the ground truth is a crowd region, then
/// iou = |dt ∩ gt| / |dt|. Same IEEE operations as the C code, so results are bit-identical.
/// </summary>
internal static class MaskIou
{
    /// <summary><c>rleIou</c>: box IoU first; only overlapping boxes are compared by runs; sizes differ → -1.</summary>
    public static double[,] Compute(ReadOnlySpan<CocoRle> dt, ReadOnlySpan<CocoRle> gt, ReadOnlySpan<bool> iscrowd)
    {
        CheckCrowd(gt.Length, iscrowd);
        var dtBoxes = new RleBoundingBox[dt.Length];
        var gtBoxes = new RleBoundingBox[gt.Length];
        for (var d = 0; d < dt.Length; d++)
        {
            dtBoxes[d] = dt[d].BoundingBox;
        }
        for (var g = 0; g < gt.Length; g++)
        {
            gtBoxes[g] = gt[g].BoundingBox;
        }
        var o = ComputeBoxes(dtBoxes, gtBoxes, iscrowd);
        for (var g = 0; g < gt.Length; g++)
        {
            for (var d = 0; d < dt.Length; d++)
            {
                if (!(o[d, g] > 0))
                {
                    continue;
                }
                if (dt[d].Height != gt[g].Height || dt[d].Width != gt[g].Width)
                {
                    o[d, g] = -1;
                    continue;
                }
                var (intersection, union) = RleMerge.Overlap(dt[d].Counts, gt[g].Counts);
                if (intersection == 0)
                {
                    union = 1;
                }
                else if (!iscrowd.IsEmpty && iscrowd[g])
                {
                    union = dt[d].Area;
                }
                o[d, g] = (double)intersection / union;
            }
        }
        return o;
    }

    /// <summary><c>bbIou</c> on boxes <c>[x, y, w, h]</c> (continuous coordinates, no +1).</summary>
    public static double[,] ComputeBoxes(ReadOnlySpan<RleBoundingBox> dt, ReadOnlySpan<RleBoundingBox> gt, ReadOnlySpan<bool> iscrowd)
    {
        CheckCrowd(gt.Length, iscrowd);
        var o = new double[dt.Length, gt.Length];
        for (var g = 0; g < gt.Length; g++)
        {
            var gb = gt[g];
            var ga = gb.Width * gb.Height;
            var crowd = !iscrowd.IsEmpty && iscrowd[g];
            for (var d = 0; d < dt.Length; d++)
            {
                var db = dt[d];
                var da = db.Width * db.Height;
                var w = FMin(db.Width + db.X, gb.Width + gb.X) - FMax(db.X, gb.X);
                if (w <= 0)
                {
                    continue;
                }
                var h = FMin(db.Height + db.Y, gb.Height + gb.Y) - FMax(db.Y, gb.Y);
                if (h <= 0)
                {
                    continue;
                }
                var i = w * h;
                var u = crowd ? da : da + ga - i;
                o[d, g] = i / u;
            }
        }
        return o;
    }

    private static void CheckCrowd(int gtCount, ReadOnlySpan<bool> iscrowd)
    {
        if (!iscrowd.IsEmpty && iscrowd.Length != gtCount)
        {
            // cocoapi reads past the end here; PyPI asserts. An empty span means no crowd regions.
            throw new ArgumentException($"iscrowd has {iscrowd.Length} flags for {gtCount} ground-truth masks.", nameof(iscrowd));
        }
    }

    // C fmin/fmax: a NaN argument yields the other one.
    private static double FMin(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : a < b ? a : b;

    private static double FMax(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : a > b ? a : b;
}
