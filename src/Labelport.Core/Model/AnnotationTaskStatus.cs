namespace Labelport.Core.Model;

/// <summary>Annotation task status of a label row (spec §14.2). Unknown wire values read as <see cref="Missing"/>.</summary>
public enum AnnotationTaskStatus
{
    Missing = 0,
    Queued,
    Assigned,
    InReview,
    Returned,
    Completed,
}
