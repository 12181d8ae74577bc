using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>
/// An answered attribute (Encord's <c>AttributeDict</c>, spec §7.4). Dynamic answers (in <c>object_actions</c>) also
/// carry inclusive frame <see cref="Ranges"/>, <see cref="ShouldPropagate"/> and <see cref="TrackHash"/>.
/// </summary>
public sealed class AttributeAnswer
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public required string FeatureHash { get; set; }

    public bool? ManualAnnotation { get; set; }

    public AnswerKind Kind { get; set; }

    public string? Text { get; set; }

    public double Number { get; set; }

    /// <summary>True when the numeric answer was written as an integer (kept so it is written back as one).</summary>
    public bool NumberIsInteger { get; set; }

    public List<OptionAnswer> Options { get; } = [];

    public bool? Dynamic { get; set; }

    public List<FrameRange>? Ranges { get; set; }

    public bool? ShouldPropagate { get; set; }

    public string? TrackHash { get; set; }

    public JsonExtras Extras { get; } = new();

    public bool CoversFrame(int frame)
    {
        if (Ranges is null)
        {
            return false;
        }
        foreach (var range in Ranges)
        {
            if (range.Contains(frame))
            {
                return true;
            }
        }
        return false;
    }
}
