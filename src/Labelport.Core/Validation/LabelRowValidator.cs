using System.Globalization;
using Labelport.Core.Json;
using Labelport.Core.Model;
using Labelport.Core.Ontology;

namespace Labelport.Core.Validation;

/// <summary>
/// Checks label rows against a project's ontology and against themselves, reporting every problem with its JSON path:
/// unknown feature hashes, shapes that do not match the ontology, radio answers with other than one option,
/// coordinates outside [0, 1], bitmasks of the wrong size or with counts that do not cover the frame, reversed or
/// out-of-video dynamic ranges, duplicate object hashes on a frame.
/// </summary>
public sealed partial class LabelRowValidator(OntologyStructure ontology)
{
    /// <summary>Normalised coordinates may overshoot [0, 1] by this much (editors snap to edges imprecisely).</summary>
    public const double CoordinateTolerance = 1e-3;

    public IReadOnlyList<ValidationProblem> Validate(LabelRow row, int index = -1)
    {
        ArgumentNullException.ThrowIfNull(row);
        var problems = new List<ValidationProblem>();
        var path = new JsonPath();
        if (index >= 0)
        {
            path.Push(index);
        }
        Validate(row, path, problems);
        return problems;
    }

    public void Validate(LabelRow row, JsonPath path, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        if (row.LabelStatusName is not null && !StatusNames.TryParseLabelStatus(row.LabelStatusName, out _) && row.LabelStatusName != StatusNames.MissingLabelStatus)
        {
            problems.Add(new(path.Child("label_status"), "unknown label status \"" + row.LabelStatusName + "\"; expected one of " + string.Join(", ", StatusNames.AllLabelStatuses)));
        }
        if (row.AnnotationTaskStatusName is not null && !StatusNames.TryParseAnnotationTaskStatus(row.AnnotationTaskStatusName, out _))
        {
            problems.Add(new(path.Child("annotation_task_status"), "unknown annotation task status \"" + row.AnnotationTaskStatusName + "\"; expected one of " + string.Join(", ", StatusNames.AllAnnotationTaskStatuses)));
        }
        CheckDate(row.CreatedAt, path, "created_at", problems);
        CheckDate(row.LastEditedAt, path, "last_edited_at", problems);
        var objectShapes = new Dictionary<string, OntologyObject>(StringComparer.Ordinal);
        var lastFrame = -1;
        path.Push("data_units");
        foreach (var (key, unit) in row.DataUnits)
        {
            path.Push(key);
            if (unit.DataHash != key)
            {
                problems.Add(new(path.Child("data_hash"), "\"" + unit.DataHash + "\" differs from its key \"" + key + "\""));
            }
            lastFrame = Math.Max(lastFrame, FrameCount(unit) - 1);
            ValidateUnit(unit, path, problems, objectShapes);
            path.Pop();
        }
        path.Pop();
        ValidateObjectAnswers(row, path, problems, objectShapes);
        ValidateClassificationAnswers(row, path, problems);
        ValidateObjectActions(row, path, problems, objectShapes, IsFrameBased(row) ? lastFrame : -1);
    }

    private static bool IsFrameBased(LabelRow row) => row.DataType is "video" or "dicom" or "nifti";

    /// <summary>Frames of a video (duration × fps, rounded) when known, else -1 (unknown: ranges are not bounded).</summary>
    private static int FrameCount(DataUnit unit) =>
        unit.DataDuration is { } duration && unit.DataFps is { } fps && duration > 0 && fps > 0
            ? (int)Math.Round(duration * fps, MidpointRounding.AwayFromZero)
            : -1;

    private void ValidateUnit(DataUnit unit, JsonPath path, List<ValidationProblem> problems, Dictionary<string, OntologyObject> objectShapes)
    {
        if (unit.Width is < 0)
        {
            problems.Add(new(path.Child("width"), "must not be negative, found " + unit.Width));
        }
        if (unit.Height is < 0)
        {
            problems.Add(new(path.Child("height"), "must not be negative, found " + unit.Height));
        }
        path.Push("labels");
        var frames = new HashSet<int>();
        foreach (var frame in unit.Frames)
        {
            if (unit.LabelsByFrame)
            {
                path.Push(frame.Frame.ToString(CultureInfo.InvariantCulture));
                if (!frames.Add(frame.Frame))
                {
                    problems.Add(new(path.ToString(), "frame " + frame.Frame + " appears twice"));
                }
                var count = FrameCount(unit);
                if (count > 0 && frame.Frame >= count)
                {
                    problems.Add(new(path.ToString(), "frame " + frame.Frame + " is past the end of the video (" + count + " frames)"));
                }
            }
            ValidateFrame(unit, frame, path, problems, objectShapes);
            if (unit.LabelsByFrame)
            {
                path.Pop();
            }
        }
        path.Pop();
    }

    private void ValidateFrame(DataUnit unit, FrameLabels frame, JsonPath path, List<ValidationProblem> problems, Dictionary<string, OntologyObject> objectShapes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        path.Push("objects");
        for (var i = 0; i < frame.Objects.Count; i++)
        {
            var instance = frame.Objects[i];
            path.Push(i);
            if (!seen.Add(instance.ObjectHash))
            {
                problems.Add(new(path.Child("objectHash"), "duplicate objectHash \"" + instance.ObjectHash + "\" on one frame"));
            }
            ValidateObject(unit, instance, path, problems, objectShapes);
            path.Pop();
        }
        path.Pop();
        seen.Clear();
        path.Push("classifications");
        for (var i = 0; i < frame.Classifications.Count; i++)
        {
            var instance = frame.Classifications[i];
            path.Push(i);
            if (!seen.Add(instance.ClassificationHash))
            {
                problems.Add(new(path.Child("classificationHash"), "duplicate classificationHash \"" + instance.ClassificationHash + "\" on one frame"));
            }
            if (!ontology.TryGetClassification(instance.FeatureHash, out _))
            {
                problems.Add(new(path.Child("featureHash"), "unknown classification featureHash \"" + instance.FeatureHash + "\" (not in the ontology)"));
            }
            CheckDate(instance.CreatedAt, path, "createdAt", problems);
            path.Pop();
        }
        path.Pop();
    }

    private static void CheckDate(string? text, JsonPath path, string name, List<ValidationProblem> problems)
    {
        if (text is not null && !EncordDates.TryParse(text, out _))
        {
            problems.Add(new(path.Child(name), "not a date Encord writes: \"" + text + "\""));
        }
    }
}
