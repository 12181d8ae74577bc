namespace Labelport.Core.Masks;

/// <summary>pycocotools' <c>rleMerge</c>, <c>rleIou</c> and <c>bbIou</c> (spec coco-rle.md §8-9), walking run lists without decoding.</summary>
public static class RleOperations
{
    /// <summary>
    /// Union (or intersection) of masks. No masks → the empty 0×0 mask; one → the same mask; masks of different
    /// sizes → the empty 0×0 mask (pycocotools' answer, not an error). The result is canonical.
    /// </summary>
    public static CocoRle Merge(IReadOnlyList<CocoRle> masks, bool intersect)
    {
        ArgumentNullException.ThrowIfNull(masks);
        return CocoRle.Merge([.. masks], intersect);
    }

    /// <summary><paramref name="a"/> minus <paramref name="b"/> (a AND NOT b), for polygon holes.</summary>
    public static CocoRle Subtract(CocoRle a, CocoRle b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Subtract(b);
    }

    /// <summary>
    /// <c>rleIou</c>: result[d][g]; box IoU first, run walk only where boxes overlap; sizes differ (and boxes overlap)
    /// → -1; crowd ground truth (per <paramref name="isCrowd"/>[g]) gives |dt ∩ gt| / |dt|.
    /// </summary>
    public static double[][] Iou(IReadOnlyList<CocoRle> detections, IReadOnlyList<CocoRle> groundTruth, IReadOnlyList<bool>? isCrowd)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(groundTruth);
        return Jagged(MaskIou.Compute([.. detections], [.. groundTruth], isCrowd is null ? [] : [.. isCrowd]));
    }

    /// <summary><c>bbIou</c> on boxes <c>[x, y, w, h]</c>: result[d][g].</summary>
    public static double[][] BoxIou(IReadOnlyList<double[]> detections, IReadOnlyList<double[]> groundTruth, IReadOnlyList<bool>? isCrowd)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(groundTruth);
        return Jagged(MaskIou.ComputeBoxes([.. detections.Select(Box)], [.. groundTruth.Select(Box)], isCrowd is null ? [] : [.. isCrowd]));
    }

    private static RleBoundingBox Box(double[] box)
        => box is { Length: 4 } ? new RleBoundingBox(box[0], box[1], box[2], box[3]) : throw new ArgumentException("A box is [x, y, w, h].", nameof(box));

    private static double[][] Jagged(double[,] matrix)
    {
        var result = new double[matrix.GetLength(0)][];
        for (var d = 0; d < result.Length; d++)
        {
            result[d] = new double[matrix.GetLength(1)];
            for (var g = 0; g < result[d].Length; g++)
            {
                result[d][g] = matrix[d, g];
            }
        }
        return result;
    }
}
