using System.Collections.Frozen;

namespace Labelport.Core.Model;

/// <summary>Wire names of <see cref="LabelStatus"/> and <see cref="AnnotationTaskStatus"/>.</summary>
public static class StatusNames
{
    public const string MissingLabelStatus = "_MISSING_LABEL_STATUS_";

    private static readonly FrozenDictionary<string, LabelStatus> LabelStatuses = new Dictionary<string, LabelStatus>(StringComparer.Ordinal)
    {
        ["NOT_LABELLED"] = LabelStatus.NotLabelled,
        ["LABEL_IN_PROGRESS"] = LabelStatus.LabelInProgress,
        ["LABELLED"] = LabelStatus.Labelled,
        ["REVIEW_IN_PROGRESS"] = LabelStatus.ReviewInProgress,
        ["REVIEWED"] = LabelStatus.Reviewed,
        ["REVIEWED_TWICE"] = LabelStatus.ReviewedTwice,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, AnnotationTaskStatus> TaskStatuses = new Dictionary<string, AnnotationTaskStatus>(StringComparer.Ordinal)
    {
        ["QUEUED"] = AnnotationTaskStatus.Queued,
        ["ASSIGNED"] = AnnotationTaskStatus.Assigned,
        ["IN_REVIEW"] = AnnotationTaskStatus.InReview,
        ["RETURNED"] = AnnotationTaskStatus.Returned,
        ["COMPLETED"] = AnnotationTaskStatus.Completed,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every label status a row can carry, in workflow order, by wire name.</summary>
    public static IReadOnlyList<string> AllLabelStatuses { get; } =
        ["NOT_LABELLED", "LABEL_IN_PROGRESS", "LABELLED", "REVIEW_IN_PROGRESS", "REVIEWED", "REVIEWED_TWICE"];

    public static IReadOnlyList<string> AllAnnotationTaskStatuses { get; } = ["QUEUED", "ASSIGNED", "IN_REVIEW", "RETURNED", "COMPLETED"];

    public static bool TryParseLabelStatus(string? text, out LabelStatus status)
    {
        if (text is not null && LabelStatuses.TryGetValue(text, out status))
        {
            return true;
        }
        status = LabelStatus.Missing;
        return false;
    }

    public static bool TryParseAnnotationTaskStatus(string? text, out AnnotationTaskStatus status)
    {
        if (text is not null && TaskStatuses.TryGetValue(text, out status))
        {
            return true;
        }
        status = AnnotationTaskStatus.Missing;
        return false;
    }

    public static string ToWire(LabelStatus status) => status switch
    {
        LabelStatus.NotLabelled => "NOT_LABELLED",
        LabelStatus.LabelInProgress => "LABEL_IN_PROGRESS",
        LabelStatus.Labelled => "LABELLED",
        LabelStatus.ReviewInProgress => "REVIEW_IN_PROGRESS",
        LabelStatus.Reviewed => "REVIEWED",
        LabelStatus.ReviewedTwice => "REVIEWED_TWICE",
        _ => MissingLabelStatus,
    };

    public static string? ToWire(AnnotationTaskStatus status) => status switch
    {
        AnnotationTaskStatus.Queued => "QUEUED",
        AnnotationTaskStatus.Assigned => "ASSIGNED",
        AnnotationTaskStatus.InReview => "IN_REVIEW",
        AnnotationTaskStatus.Returned => "RETURNED",
        AnnotationTaskStatus.Completed => "COMPLETED",
        _ => null,
    };
}
