using Labelport.Core.Json;
using Labelport.Core.Model;
using Labelport.Core.Ontology;

namespace Labelport.Core.Validation;

public sealed partial class LabelRowValidator
{
    private void ValidateObjectAnswers(LabelRow row, JsonPath path, List<ValidationProblem> problems, Dictionary<string, OntologyObject> objects)
    {
        path.Push("object_answers");
        foreach (var (key, answer) in row.ObjectAnswers)
        {
            path.Push(key);
            if (answer.ObjectHash != key)
            {
                problems.Add(new(path.Child("objectHash"), "\"" + answer.ObjectHash + "\" differs from its key \"" + key + "\""));
            }
            objects.TryGetValue(key, out var owner);
            ValidateAttributes(answer.Classifications, "classifications", owner?.Attributes, path, problems, lastFrame: -1);
            path.Pop();
        }
        path.Pop();
    }

    private void ValidateClassificationAnswers(LabelRow row, JsonPath path, List<ValidationProblem> problems)
    {
        path.Push("classification_answers");
        foreach (var (key, answer) in row.ClassificationAnswers)
        {
            path.Push(key);
            if (answer.ClassificationHash != key)
            {
                problems.Add(new(path.Child("classificationHash"), "\"" + answer.ClassificationHash + "\" differs from its key \"" + key + "\""));
            }
            IReadOnlyList<OntologyAttribute>? attributes = null;
            if (answer.FeatureHash is null)
            {
                problems.Add(new(path.Child("featureHash"), "missing, and no frame classification instance names classification \"" + key + "\""));
            }
            else if (ontology.TryGetClassification(answer.FeatureHash, out var classification))
            {
                attributes = classification.Attributes;
            }
            else
            {
                problems.Add(new(path.Child("featureHash"), "unknown classification featureHash \"" + answer.FeatureHash + "\" (not in the ontology)"));
            }
            ValidateAttributes(answer.Classifications, "classifications", attributes, path, problems, lastFrame: -1);
            path.Pop();
        }
        path.Pop();
    }

    private void ValidateObjectActions(LabelRow row, JsonPath path, List<ValidationProblem> problems, Dictionary<string, OntologyObject> objects, int lastFrame)
    {
        path.Push("object_actions");
        foreach (var (key, action) in row.ObjectActions)
        {
            path.Push(key);
            objects.TryGetValue(key, out var owner);
            ValidateAttributes(action.Actions, "actions", owner?.Attributes, path, problems, lastFrame);
            path.Pop();
        }
        path.Pop();
    }

    private void ValidateAttributes(List<AttributeAnswer> answers, string listName, IReadOnlyList<OntologyAttribute>? owner, JsonPath path, List<ValidationProblem> problems, int lastFrame)
    {
        path.Push(listName);
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            path.Push(i);
            if (!ontology.TryGetAttribute(answer.FeatureHash, out var attribute))
            {
                problems.Add(new(path.Child("featureHash"), "unknown attribute featureHash \"" + answer.FeatureHash + "\" (not in the ontology)"));
                path.Pop();
                continue;
            }
            if (owner is not null && !Contains(owner, attribute))
            {
                problems.Add(new(path.Child("featureHash"), "attribute \"" + attribute.Name + "\" (" + answer.FeatureHash + ") does not belong to this object's or classification's ontology entry"));
            }
            ValidateAnswerValue(answer, attribute, path, problems);
            if (answer.Ranges is { } ranges)
            {
                path.Push("range");
                for (var r = 0; r < ranges.Count; r++)
                {
                    var range = ranges[r];
                    if (range.Start > range.End)
                    {
                        problems.Add(new(path.Child(r), "range [" + range.Start + ", " + range.End + "] is reversed (start after end)"));
                    }
                    else if (range.Start < 0)
                    {
                        problems.Add(new(path.Child(r), "range [" + range.Start + ", " + range.End + "] starts before frame 0"));
                    }
                    else if (lastFrame >= 0 && range.End > lastFrame)
                    {
                        problems.Add(new(path.Child(r), "range [" + range.Start + ", " + range.End + "] ends after the last frame of the video (" + lastFrame + ")"));
                    }
                }
                path.Pop();
            }
            path.Pop();
        }
        path.Pop();
    }

    private void ValidateAnswerValue(AttributeAnswer answer, OntologyAttribute attribute, JsonPath path, List<ValidationProblem> problems)
    {
        switch (attribute.Type)
        {
            case AttributeType.Radio when answer.Kind != AnswerKind.Options || answer.Options.Count != 1:
                problems.Add(new(path.Child("answers"), "radio attribute \"" + attribute.Name + "\" needs exactly one answer, found " + DescribeAnswer(answer)));
                break;
            case AttributeType.Checklist when answer.Kind != AnswerKind.Options:
                problems.Add(new(path.Child("answers"), "checklist attribute \"" + attribute.Name + "\" needs a list of options, found " + DescribeAnswer(answer)));
                break;
            case AttributeType.Text when answer.Kind is not (AnswerKind.Text or AnswerKind.Null):
                problems.Add(new(path.Child("answers"), "text attribute \"" + attribute.Name + "\" needs a string, found " + DescribeAnswer(answer)));
                break;
            case AttributeType.Numeric when answer.Kind is not (AnswerKind.Number or AnswerKind.Null):
                problems.Add(new(path.Child("answers"), "numeric attribute \"" + attribute.Name + "\" needs a number, found " + DescribeAnswer(answer)));
                break;
        }
        if (answer.Kind != AnswerKind.Options)
        {
            return;
        }
        path.Push("answers");
        for (var k = 0; k < answer.Options.Count; k++)
        {
            var option = answer.Options[k];
            if (!attribute.Options.Any(o => o.FeatureNodeHash == option.FeatureHash))
            {
                problems.Add(new(path.Child(k), "option featureHash \"" + option.FeatureHash + "\" is not an option of \"" + attribute.Name + "\""));
            }
        }
        path.Pop();
    }

    private static string DescribeAnswer(AttributeAnswer answer) => answer.Kind switch
    {
        AnswerKind.Options => answer.Options.Count + " option(s)",
        AnswerKind.Text => "text \"" + answer.Text + "\"",
        AnswerKind.Number => "number " + answer.Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => "null",
    };

    private static bool Contains(IReadOnlyList<OntologyAttribute> attributes, OntologyAttribute target)
    {
        foreach (var attribute in attributes)
        {
            if (ReferenceEquals(attribute, target))
            {
                return true;
            }
            foreach (var option in attribute.Options)
            {
                if (Contains(option.NestedAttributes, target))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
