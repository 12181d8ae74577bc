using Labelport.Core.Model;

namespace Labelport.Core.Export;

/// <summary>
/// What an export keeps (DESIGN.md "Filter semantics", the same in UI, REST, SDK and CLI). All filters combine with
/// AND; a null filter selects everything. Rows are selected by data hash and label status; within kept rows, object
/// instances and classification instances not listed disappear everywhere (frames and answers), while frames,
/// images and rows stay even when nothing remains on them (negative examples are training data).
/// </summary>
public sealed record ExportFilter
{
    public static ExportFilter All { get; } = new();

    /// <summary>Row <c>data_hash</c>es to keep (an image group's hash selects the whole group).</summary>
    public IReadOnlySet<string>? DataHashes { get; init; }

    /// <summary>Wire label statuses (<c>LABELLED</c>, …) to keep.</summary>
    public IReadOnlySet<string>? LabelStatuses { get; init; }

    /// <summary>Ontology object feature hashes whose instances are kept.</summary>
    public IReadOnlySet<string>? ObjectFeatureHashes { get; init; }

    /// <summary>Ontology classification feature hashes whose instances are kept (object attributes are not affected).</summary>
    public IReadOnlySet<string>? ClassificationFeatureHashes { get; init; }

    public bool SelectsAll => DataHashes is null && LabelStatuses is null && ObjectFeatureHashes is null && ClassificationFeatureHashes is null;

    public bool IncludesRow(LabelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (DataHashes is not null && !DataHashes.Contains(row.DataHash))
        {
            return false;
        }
        return LabelStatuses is null || (row.LabelStatusName is not null && LabelStatuses.Contains(row.LabelStatusName));
    }

    /// <summary>Removes, in place, the object and classification instances this filter does not keep. Returns what was removed.</summary>
    public FilterRemovals ApplyTo(LabelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var removedObjects = 0;
        var removedClassifications = 0;
        if (ObjectFeatureHashes is { } objects)
        {
            HashSet<string>? removedHashes = null;
            foreach (var unit in row.DataUnits.Values)
            {
                foreach (var frame in unit.Frames)
                {
                    removedObjects += frame.Objects.RemoveAll(o =>
                    {
                        if (objects.Contains(o.FeatureHash))
                        {
                            return false;
                        }
                        (removedHashes ??= new HashSet<string>(StringComparer.Ordinal)).Add(o.ObjectHash);
                        return true;
                    });
                }
            }
            if (removedHashes is not null)
            {
                foreach (var hash in removedHashes)
                {
                    row.ObjectAnswers.Remove(hash);
                    row.ObjectActions.Remove(hash);
                }
            }
        }
        if (ClassificationFeatureHashes is { } classifications)
        {
            foreach (var unit in row.DataUnits.Values)
            {
                foreach (var frame in unit.Frames)
                {
                    removedClassifications += frame.Classifications.RemoveAll(c => !classifications.Contains(c.FeatureHash));
                }
            }
            // Global classifications live only in classification_answers.
            var dropped = new List<string>();
            foreach (var (hash, answer) in row.ClassificationAnswers)
            {
                if (answer.FeatureHash is null || !classifications.Contains(answer.FeatureHash))
                {
                    dropped.Add(hash);
                }
            }
            foreach (var hash in dropped)
            {
                row.ClassificationAnswers.Remove(hash);
            }
        }
        return new FilterRemovals(removedObjects, removedClassifications);
    }
}
