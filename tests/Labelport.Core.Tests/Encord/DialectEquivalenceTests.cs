using System.Globalization;
using System.Text.Json;
using Labelport.Core.Model;
using Labelport.Core.Ontology;

namespace Labelport.Core.Tests.Encord;

/// <summary>
/// <c>video_dyn</c> (SDK dict) and <c>video_dyn_ui</c> (web-app form) are the same labels (spec §17). "The same" here:
/// after the SDK's merge of split checklist actions (<see cref="ChecklistActionMerger"/>), with dates compared as
/// instants (the UI writes <c>2023-02-09 14:12:03</c> and <c>… GMT</c> where the SDK writes <c>… UTC</c>) and option
/// lists compared as sets, the two models write identical JSON trees.
/// </summary>
public sealed class DialectEquivalenceTests
{
    [Fact]
    public void Video_dyn_and_video_dyn_ui_read_to_the_same_model()
    {
        var sdk = Canonical("video_dyn");
        var ui = Canonical("video_dyn_ui");

        using var sdkJson = JsonDocument.Parse(Fixtures.Write([sdk]));
        using var uiJson = JsonDocument.Parse(Fixtures.Write([ui]));

        Assert.Empty(JsonTreeDiff.Compare(sdkJson.RootElement, uiJson.RootElement));
    }

    [Fact]
    public void Without_canonicalising_the_two_dialects_differ_exactly_in_dates_and_the_split_checklist()
    {
        // Guards the test above against comparing nothing: the raw models do differ, and only where expected.
        using var sdkJson = JsonDocument.Parse(Fixtures.Write(Fixtures.Rows("video_dyn")));
        using var uiJson = JsonDocument.Parse(Fixtures.Write(Fixtures.Rows("video_dyn_ui")));

        var differences = JsonTreeDiff.Compare(sdkJson.RootElement, uiJson.RootElement);

        var dates = differences.Where(d => d.Path.EndsWith("_at", StringComparison.Ordinal) || d.Path.EndsWith("At", StringComparison.Ordinal)).ToList();
        var checklist = differences.Where(d => d.Path.StartsWith("$[0].object_actions.0gCzNuLS.actions[", StringComparison.Ordinal)).ToList();
        // created_at/last_edited_at of the row, createdAt/lastEditedAt of 4 frame objects.
        Assert.Equal(10, dates.Count);
        Assert.All(dates, d => Assert.Equal(DifferenceKind.Changed, d.Kind));
        // Frame 1's checklist: one answer with two options (SDK) vs two answers with one option each (UI).
        Assert.Contains(checklist, d => d.Path == "$[0].object_actions.0gCzNuLS.actions[6]" && d.Kind == DifferenceKind.Added);
        Assert.All(checklist, d => Assert.Matches(@"actions\[(5\]\.answers|6\])", d.Path));
        Assert.Equal(differences.Count, dates.Count + checklist.Count);
    }

    [Fact]
    public void The_ui_split_checklist_merges_into_the_sdk_form()
    {
        var ontology = Fixtures.Ontology("video_dyn_ui");
        var ui = Fixtures.Rows("video_dyn_ui")[0].ObjectActions["0gCzNuLS"].Actions;
        Assert.Equal(7, ui.Count);

        var merged = ChecklistActionMerger.Merge(ui, hash => IsChecklist(ontology, hash));

        Assert.Equal(6, merged.Count);
        var checklist = merged.Where(a => a.FeatureHash == "ZJoiBceM").ToList();
        Assert.Equal([new FrameRange(0, 0)], checklist[0].Ranges!);
        Assert.Equal(["aOQGJvce"], checklist[0].Options.Select(o => o.FeatureHash));
        Assert.Equal([new FrameRange(1, 1)], checklist[1].Ranges!);
        Assert.Equal(["aOQGJvce", "tyjScPrk"], checklist[1].Options.Select(o => o.FeatureHash));
        Assert.Equal("69b2a3d0-3db4-41d9-ba2a-d200aecd3d23", checklist[1].TrackHash);
    }

    [Fact]
    public void Overlapping_split_ranges_become_non_overlapping_ranges_with_the_union_of_options()
    {
        AttributeAnswer Action(string option, int start, int end)
        {
            var answer = new AttributeAnswer { FeatureHash = "check", Kind = AnswerKind.Options, Dynamic = true, Ranges = [new FrameRange(start, end)] };
            answer.Options.Add(new OptionAnswer { FeatureHash = option });
            return answer;
        }
        var radio = new AttributeAnswer { FeatureHash = "radio", Kind = AnswerKind.Options, Ranges = [new FrameRange(0, 9)] };
        radio.Options.Add(new OptionAnswer { FeatureHash = "r1" });

        var merged = ChecklistActionMerger.Merge([Action("x", 0, 5), radio, Action("y", 3, 8), Action("x", 12, 12)], hash => hash == "check");

        Assert.Equal(
            ["x:[0,2]+[12,12]", "x,y:[3,5]", "y:[6,8]", "r1:[0,9]"],
            merged.Select(a => string.Join(',', a.Options.Select(o => o.FeatureHash).Order()) + ":" + string.Join('+', a.Ranges!.Select(r => "[" + r.Start + "," + r.End + "]"))).Take(3).Append(
                merged[3].Options[0].FeatureHash + ":[" + merged[3].Ranges![0].Start + "," + merged[3].Ranges![0].End + "]"));
        Assert.Same(radio, merged[3]);
    }

    private static LabelRow Canonical(string name)
    {
        var ontology = Fixtures.Ontology(name);
        var row = Fixtures.Rows(name)[0];
        row.CreatedAt = Instant(row.CreatedAt);
        row.LastEditedAt = Instant(row.LastEditedAt);
        foreach (var unit in row.DataUnits.Values)
        {
            foreach (var frame in unit.Frames)
            {
                foreach (var instance in frame.Objects)
                {
                    instance.CreatedAt = Instant(instance.CreatedAt);
                    instance.LastEditedAt = Instant(instance.LastEditedAt);
                }
                foreach (var instance in frame.Classifications)
                {
                    instance.CreatedAt = Instant(instance.CreatedAt);
                    instance.LastEditedAt = Instant(instance.LastEditedAt);
                }
            }
        }
        foreach (var action in row.ObjectActions.Values)
        {
            var merged = ChecklistActionMerger.Merge(action.Actions, hash => IsChecklist(ontology, hash));
            action.Actions.Clear();
            action.Actions.AddRange(merged);
            foreach (var answer in action.Actions)
            {
                answer.Options.Sort((a, b) => string.CompareOrdinal(a.FeatureHash, b.FeatureHash));
            }
        }
        return row;
    }

    private static bool IsChecklist(OntologyStructure ontology, string featureHash) =>
        ontology.TryGetAttribute(featureHash, out var attribute) && attribute.Type == AttributeType.Checklist;

    private static string? Instant(string? text)
    {
        if (text is null)
        {
            return null;
        }
        Assert.True(EncordDates.TryParse(text, out var instant), "unreadable date " + text);
        return instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
    }
}
