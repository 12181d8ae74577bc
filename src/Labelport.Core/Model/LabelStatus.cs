namespace Labelport.Core.Model;

/// <summary>Label status of a label row (spec §14.1). Unknown wire values read as <see cref="Missing"/>.</summary>
public enum LabelStatus
{
    Missing = 0,
    NotLabelled,
    LabelInProgress,
    Labelled,
    ReviewInProgress,
    Reviewed,
    ReviewedTwice,
}
