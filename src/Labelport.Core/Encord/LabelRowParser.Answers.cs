using System.Text.Json;
using Labelport.Core.Json;
using Labelport.Core.Model;

namespace Labelport.Core.Encord;

internal static partial class LabelRowParser
{
    private static void ParseObjectAnswers(LabelRow row, JsonElement value, JsonPath path)
    {
        path.Push("object_answers");
        JsonValues.ExpectObject(value, path);
        foreach (var entry in value.EnumerateObject())
        {
            path.Push(entry.Name);
            JsonValues.ExpectObject(entry.Value, path);
            var answer = new ObjectAnswer { ObjectHash = entry.Name };
            foreach (var p in entry.Value.EnumerateObject())
            {
                var name = JsonNames.Of(p);
                switch (name)
                {
                    case "objectHash": answer.ObjectHash = JsonValues.RequiredString(p.Value, path, name); break;
                    case "classifications": ParseAttributeList(answer.Classifications, p.Value, path, name); break;
                    default: answer.Extras.Add(name, p.Value); break;
                }
            }
            row.ObjectAnswers[entry.Name] = answer;
            path.Pop();
        }
        path.Pop();
    }

    private static void ParseClassificationAnswers(LabelRow row, JsonElement value, JsonPath path)
    {
        path.Push("classification_answers");
        JsonValues.ExpectObject(value, path);
        foreach (var entry in value.EnumerateObject())
        {
            path.Push(entry.Name);
            JsonValues.ExpectObject(entry.Value, path);
            var answer = new ClassificationAnswer { ClassificationHash = entry.Name };
            foreach (var p in entry.Value.EnumerateObject())
            {
                var name = JsonNames.Of(p);
                switch (name)
                {
                    case "featureHash": answer.FeatureHash = JsonValues.StringOrNull(p.Value, path, name); break;
                    case "classificationHash": answer.ClassificationHash = JsonValues.RequiredString(p.Value, path, name); break;
                    case "classifications": ParseAttributeList(answer.Classifications, p.Value, path, name); break;
                    default: answer.Extras.Add(name, p.Value); break;
                }
            }
            answer.FeatureHash ??= FindClassificationFeatureHash(row, entry.Name);
            row.ClassificationAnswers[entry.Name] = answer;
            path.Pop();
        }
        path.Pop();
    }

    private static string? FindClassificationFeatureHash(LabelRow row, string classificationHash)
    {
        foreach (var unit in row.DataUnits.Values)
        {
            foreach (var frame in unit.Frames)
            {
                foreach (var instance in frame.Classifications)
                {
                    if (instance.ClassificationHash == classificationHash)
                    {
                        return instance.FeatureHash;
                    }
                }
            }
        }
        return null;
    }

    private static void ParseObjectActions(LabelRow row, JsonElement value, JsonPath path)
    {
        path.Push("object_actions");
        JsonValues.ExpectObject(value, path);
        foreach (var entry in value.EnumerateObject())
        {
            path.Push(entry.Name);
            JsonValues.ExpectObject(entry.Value, path);
            var action = new ObjectAction { ObjectHash = entry.Name };
            foreach (var p in entry.Value.EnumerateObject())
            {
                var name = JsonNames.Of(p);
                switch (name)
                {
                    case "objectHash": action.ObjectHash = JsonValues.RequiredString(p.Value, path, name); break;
                    case "actions": ParseAttributeList(action.Actions, p.Value, path, name); break;
                    default: action.Extras.Add(name, p.Value); break;
                }
            }
            row.ObjectActions[entry.Name] = action;
            path.Pop();
        }
        path.Pop();
    }

    private static void ParseAttributeList(List<AttributeAnswer> target, JsonElement value, JsonPath path, string name)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        path.Push(name);
        JsonValues.ExpectArray(value, path);
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            path.Push(i++);
            target.Add(ParseAttribute(item, path));
            path.Pop();
        }
        path.Pop();
    }

    private static AttributeAnswer ParseAttribute(JsonElement element, JsonPath path)
    {
        JsonValues.ExpectObject(element, path);
        var answer = new AttributeAnswer
        {
            FeatureHash = JsonValues.RequiredString(Required(element, path, "featureHash"), path, "featureHash"),
        };
        foreach (var p in element.EnumerateObject())
        {
            var name = JsonNames.Of(p);
            var v = p.Value;
            switch (name)
            {
                case "featureHash": break;
                case "name": answer.Name = JsonValues.StringOrNull(v, path, name); break;
                case "value": answer.Value = JsonValues.StringOrNull(v, path, name); break;
                case "manualAnnotation": answer.ManualAnnotation = JsonValues.BoolOrNull(v, path, name); break;
                case "dynamic": answer.Dynamic = JsonValues.BoolOrNull(v, path, name); break;
                case "shouldPropagate": answer.ShouldPropagate = JsonValues.BoolOrNull(v, path, name); break;
                case "trackHash": answer.TrackHash = JsonValues.StringOrNull(v, path, name); break;
                case "range": answer.Ranges = ParseRanges(v, path); break;
                case "answers": ParseAnswerValue(answer, v, path); break;
                default: answer.Extras.Add(name, v); break;
            }
        }
        return answer;
    }

    private static void ParseAnswerValue(AttributeAnswer answer, JsonElement v, JsonPath path)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                answer.Kind = AnswerKind.Text;
                answer.Text = v.GetString();
                break;
            case JsonValueKind.Number:
                answer.Kind = AnswerKind.Number;
                answer.Number = JsonValues.Double(v, path, "answers");
                answer.NumberIsInteger = v.TryGetInt64(out _);
                break;
            case JsonValueKind.Null:
                answer.Kind = AnswerKind.Null;
                break;
            case JsonValueKind.Array:
                answer.Kind = AnswerKind.Options;
                path.Push("answers");
                var i = 0;
                foreach (var item in v.EnumerateArray())
                {
                    path.Push(i++);
                    JsonValues.ExpectObject(item, path);
                    var option = new OptionAnswer
                    {
                        FeatureHash = JsonValues.RequiredString(Required(item, path, "featureHash"), path, "featureHash"),
                    };
                    foreach (var p in item.EnumerateObject())
                    {
                        var name = JsonNames.Of(p);
                        switch (name)
                        {
                            case "featureHash": break;
                            case "name": option.Name = JsonValues.StringOrNull(p.Value, path, name); break;
                            case "value": option.Value = JsonValues.StringOrNull(p.Value, path, name); break;
                            default: option.Extras.Add(name, p.Value); break;
                        }
                    }
                    answer.Options.Add(option);
                    path.Pop();
                }
                path.Pop();
                break;
            default:
                throw JsonValues.TypeError(path, "answers", "a string, a number, a list of options or null", v);
        }
    }

    private static List<FrameRange> ParseRanges(JsonElement v, JsonPath path)
    {
        path.Push("range");
        JsonValues.ExpectArray(v, path);
        var ranges = new List<FrameRange>(v.GetArrayLength());
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            path.Push(i++);
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2)
            {
                throw JsonValues.TypeError(path, "an inclusive [start, end] pair", item);
            }
            ranges.Add(new FrameRange(JsonValues.Int(item[0], path, "0"), JsonValues.Int(item[1], path, "1")));
            path.Pop();
        }
        path.Pop();
        return ranges;
    }
}
