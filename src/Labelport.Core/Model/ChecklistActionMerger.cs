namespace Labelport.Core.Model;

/// <summary>
/// The web app may write one dynamic checklist answer as several <c>object_actions</c> entries, one per checked option,
/// with the same <c>featureHash</c> and overlapping ranges (spec §0, §7.3). This merges them the way Encord's SDK does on
/// read (<c>_merge_answers_to_non_overlapping_ranges</c>): non-overlapping ranges, each holding the union of the
/// options checked on those frames. Other answers pass through unchanged and in order.
/// </summary>
public static class ChecklistActionMerger
{
    /// <param name="actions">An object's dynamic answers.</param>
    /// <param name="isChecklist">Whether an attribute feature hash is a checklist attribute (from the ontology).</param>
    public static List<AttributeAnswer> Merge(IReadOnlyList<AttributeAnswer> actions, Func<string, bool> isChecklist)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(isChecklist);
        var result = new List<AttributeAnswer>(actions.Count);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!IsMergeable(action, isChecklist))
            {
                result.Add(action);
                continue;
            }
            if (merged.Add(action.FeatureHash))
            {
                result.AddRange(MergeGroup(actions, action.FeatureHash, isChecklist));
            }
        }
        return result;
    }

    private static bool IsMergeable(AttributeAnswer action, Func<string, bool> isChecklist) =>
        action.Kind == AnswerKind.Options && action.Ranges is { Count: > 0 } && isChecklist(action.FeatureHash);

    private static List<AttributeAnswer> MergeGroup(IReadOnlyList<AttributeAnswer> actions, string featureHash, Func<string, bool> isChecklist)
    {
        var group = new List<AttributeAnswer>();
        var bounds = new SortedSet<long>();
        foreach (var action in actions)
        {
            if (action.FeatureHash == featureHash && IsMergeable(action, isChecklist))
            {
                group.Add(action);
                foreach (var range in action.Ranges!)
                {
                    bounds.Add(range.Start);
                    bounds.Add((long)range.End + 1);
                }
            }
        }
        // Sweep the elementary intervals between range bounds; intervals with the same option set share one answer.
        var bySet = new Dictionary<string, AttributeAnswer>(StringComparer.Ordinal);
        var output = new List<AttributeAnswer>();
        long? previous = null;
        foreach (var bound in bounds)
        {
            if (previous is { } start)
            {
                AddInterval(group, (int)start, (int)(bound - 1), bySet, output);
            }
            previous = bound;
        }
        return output;
    }

    private static void AddInterval(List<AttributeAnswer> group, int start, int end, Dictionary<string, AttributeAnswer> bySet, List<AttributeAnswer> output)
    {
        var options = new List<OptionAnswer>();
        AttributeAnswer? first = null;
        foreach (var action in group)
        {
            if (!action.CoversFrame(start))
            {
                continue;
            }
            first ??= action;
            foreach (var option in action.Options)
            {
                if (!options.Exists(o => o.FeatureHash == option.FeatureHash))
                {
                    options.Add(option);
                }
            }
        }
        if (first is null)
        {
            return;
        }
        var key = string.Join('\n', options.ConvertAll(o => o.FeatureHash).Order(StringComparer.Ordinal));
        if (bySet.TryGetValue(key, out var existing))
        {
            var last = existing.Ranges![^1];
            existing.Ranges[^1] = last.End + 1 == start ? last with { End = end } : last;
            if (last.End + 1 != start)
            {
                existing.Ranges.Add(new FrameRange(start, end));
            }
            return;
        }
        var answer = new AttributeAnswer
        {
            FeatureHash = first.FeatureHash,
            Name = first.Name,
            Value = first.Value,
            ManualAnnotation = first.ManualAnnotation,
            Kind = AnswerKind.Options,
            Dynamic = first.Dynamic,
            Ranges = [new FrameRange(start, end)],
            ShouldPropagate = first.ShouldPropagate,
            TrackHash = first.TrackHash,
        };
        answer.Options.AddRange(options);
        bySet.Add(key, answer);
        output.Add(answer);
    }
}
