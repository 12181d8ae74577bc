namespace Labelport.Core.Masks;

internal enum RleMergeOperation
{
    Union,
    Intersection,

    /// <summary>a AND NOT b (holes cut out of polygons).</summary>
    Difference,
}
