using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>
/// One point of a skeleton instance. Visibility comes in two forms (spec §5.7): the newer <see cref="Visibility"/>
/// string and the older boolean flags; both are kept as read.
/// </summary>
public sealed class SkeletonPoint
{
    public double X { get; set; }

    public double Y { get; set; }

    public string? Name { get; set; }

    public string? Color { get; set; }

    public string? Value { get; set; }

    public string? FeatureHash { get; set; }

    /// <summary><c>visible</c>, <c>invisible</c>, <c>occluded</c> or <c>selfOccluded</c> when the string form is used.</summary>
    public string? Visibility { get; set; }

    public bool? Invisible { get; set; }

    public bool? Occluded { get; set; }

    public bool? SelfOccluded { get; set; }

    public bool? Visible { get; set; }

    public JsonExtras Extras { get; } = new();

    /// <summary>The COCO keypoint visibility: 0 not labelled, 1 labelled but not visible, 2 visible.
    /// Both forms map the same way (Encord's exporter ignores the string form; we do not).</summary>
    public int CocoVisibility
    {
        get
        {
            if (Invisible == true || Visibility == "invisible")
            {
                return 0;
            }
            if (Occluded == true || SelfOccluded == true || Visibility is "occluded" or "selfOccluded")
            {
                return 1;
            }
            return 2;
        }
    }
}
