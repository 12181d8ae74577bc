using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>
/// One label row (spec §1): the labels of one data asset, in either dialect (web-app export or SDK dictionary).
/// Dates are kept as the text read so a round trip is exact; <see cref="EncordDates"/> parses them.
/// </summary>
public sealed class LabelRow
{
    public string? LabelHash { get; set; }

    public string? BranchName { get; set; }

    public string? CreatedAt { get; set; }

    public string? LastEditedAt { get; set; }

    public required string DataHash { get; set; }

    public string? DatasetHash { get; set; }

    public string? DatasetTitle { get; set; }

    public string? DataTitle { get; set; }

    /// <summary><c>image</c>, <c>img_group</c>, <c>video</c>, <c>dicom</c>, <c>nifti</c>, … (spec §1).</summary>
    public string? DataType { get; set; }

    public bool? IsImageSequence { get; set; }

    public string? VideoLink { get; set; }

    public bool? IsValid { get; set; }

    public bool? IsShadowData { get; set; }

    /// <summary>The wire label status (unknown values kept as read).</summary>
    public string? LabelStatusName { get; set; }

    public LabelStatus LabelStatus => StatusNames.TryParseLabelStatus(LabelStatusName, out var status) ? status : LabelStatus.Missing;

    public string? AnnotationTaskStatusName { get; set; }

    public OrderedDictionary<string, DataUnit> DataUnits { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, ObjectAnswer> ObjectAnswers { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, ClassificationAnswer> ClassificationAnswers { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, ObjectAction> ObjectActions { get; } = new(StringComparer.Ordinal);

    public List<ExportHistoryEntry> ExportHistory { get; } = [];

    public string? ExportHash { get; set; }

    public string? ExportedAt { get; set; }

    /// <summary>Unknown top-level fields and the data-group <c>spaces</c> structure, kept as raw JSON.</summary>
    public JsonExtras Extras { get; } = new();

    /// <summary>Every object instance of the row, frame by frame, in data-unit order.</summary>
    public IEnumerable<(DataUnit Unit, FrameLabels Frame, ObjectInstance Object)> EnumerateObjects()
    {
        foreach (var unit in DataUnits.Values)
        {
            foreach (var frame in unit.Frames)
            {
                foreach (var instance in frame.Objects)
                {
                    yield return (unit, frame, instance);
                }
            }
        }
    }
}
