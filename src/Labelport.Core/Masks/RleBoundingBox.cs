namespace Labelport.Core.Masks;

/// <summary>
/// A COCO box <c>[x, y, width, height]</c> in pixels. From an RLE it is the inclusive pixel extent
/// (width = last column - first column + 1), as pycocotools' <c>rleToBbox</c>; <c>[0,0,0,0]</c> for an empty mask.
/// </summary>
public readonly record struct RleBoundingBox(double X, double Y, double Width, double Height)
{
    public static RleBoundingBox Empty => default;
}
