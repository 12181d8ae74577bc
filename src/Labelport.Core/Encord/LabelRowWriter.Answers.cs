using Labelport.Core.Model;
using N = Labelport.Core.Encord.EncordNames;

namespace Labelport.Core.Encord;

public sealed partial class LabelRowWriter
{
    private void WriteObjectAnswers(LabelRow row)
    {
        var json = _json;
        json.WritePropertyName(N.ObjectAnswers);
        json.WriteStartObject();
        foreach (var (key, answer) in row.ObjectAnswers)
        {
            json.WritePropertyName(key);
            json.WriteStartObject();
            json.WriteString(N.ObjectHash, answer.ObjectHash);
            json.WritePropertyName(N.Classifications);
            WriteAttributes(answer.Classifications);
            answer.Extras.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private void WriteClassificationAnswers(LabelRow row)
    {
        var json = _json;
        json.WritePropertyName(N.ClassificationAnswers);
        json.WriteStartObject();
        foreach (var (key, answer) in row.ClassificationAnswers)
        {
            json.WritePropertyName(key);
            json.WriteStartObject();
            json.WriteString(N.ClassificationHash, answer.ClassificationHash);
            json.WriteString(N.FeatureHash, answer.FeatureHash);
            json.WritePropertyName(N.Classifications);
            WriteAttributes(answer.Classifications);
            answer.Extras.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private void WriteObjectActions(LabelRow row)
    {
        var json = _json;
        json.WritePropertyName(N.ObjectActions);
        json.WriteStartObject();
        foreach (var (key, action) in row.ObjectActions)
        {
            json.WritePropertyName(key);
            json.WriteStartObject();
            json.WriteString(N.ObjectHash, action.ObjectHash);
            json.WritePropertyName(N.Actions);
            WriteAttributes(action.Actions);
            action.Extras.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private void WriteAttributes(List<AttributeAnswer> attributes)
    {
        var json = _json;
        json.WriteStartArray();
        foreach (var attribute in attributes)
        {
            json.WriteStartObject();
            json.WriteString(N.Name, attribute.Name);
            json.WriteString(N.Value, attribute.Value);
            json.WritePropertyName(N.Answers);
            switch (attribute.Kind)
            {
                case AnswerKind.Text:
                    json.WriteStringValue(attribute.Text);
                    break;
                case AnswerKind.Number when attribute.NumberIsInteger:
                    json.WriteNumberValue((long)attribute.Number);
                    break;
                case AnswerKind.Number:
                    json.WriteNumberValue(attribute.Number);
                    break;
                case AnswerKind.Options:
                    json.WriteStartArray();
                    foreach (var option in attribute.Options)
                    {
                        json.WriteStartObject();
                        json.WriteString(N.Name, option.Name);
                        json.WriteString(N.Value, option.Value);
                        json.WriteString(N.FeatureHash, option.FeatureHash);
                        option.Extras.WriteTo(json);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    break;
                default:
                    json.WriteNullValue();
                    break;
            }
            json.WriteString(N.FeatureHash, attribute.FeatureHash);
            json.WriteBoolean(N.ManualAnnotation, attribute.ManualAnnotation ?? true);
            if (attribute.Dynamic is { } dynamic)
            {
                json.WriteBoolean(N.Dynamic, dynamic);
            }
            if (attribute.Ranges is { } ranges)
            {
                json.WritePropertyName(N.Range);
                json.WriteStartArray();
                foreach (var range in ranges)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(range.Start);
                    json.WriteNumberValue(range.End);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            if (attribute.ShouldPropagate is { } propagate)
            {
                json.WriteBoolean(N.ShouldPropagate, propagate);
            }
            if (attribute.TrackHash is not null)
            {
                json.WriteString(N.TrackHash, attribute.TrackHash);
            }
            attribute.Extras.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
