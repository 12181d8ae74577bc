using System.Text.Json;
using Labelport.Core.Model;
using Labelport.Core.Ontology;

namespace Labelport.Core.Coco;

/// <summary>
/// Builds an annotation's <c>attributes.classifications</c> (spec §12.7): the object's top-level ontology attributes
/// flattened to <c>{name: value}</c> — radio → the chosen option's name, checklist → one boolean per option label,
/// text → the text, numeric → the number — static answers first, then the dynamic answers that cover the
/// annotation's frame merged over them, then every attribute still absent as null (false for checklist options), in
/// ontology order (the key order Encord's output shows).
/// Two deliberate fixes of Encord's exporter: dynamic answers are looked up by <b>frame</b> (Encord uses the COCO image
/// id) and from <b>this row's</b> <c>object_actions</c> (Encord caches the first row's for every row).
/// </summary>
internal sealed class CocoAttributeFlattener(OntologyStructure ontology)
{
    private readonly List<KeyValuePair<string, FlatValue>> _values = new(8);
    private readonly List<KeyValuePair<string, FlatValue>> _dynamic = new(8);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private LabelRow? _row;

    public void BeginRow(LabelRow row) => _row = row;

    public void Write(Utf8JsonWriter json, ObjectInstance instance, int frame)
    {
        _values.Clear();
        _seen.Clear();
        json.WriteStartObject();
        if (ontology.TryGetObject(instance.FeatureHash, out var definition) && _row is not null)
        {
            if (_row.ObjectAnswers.TryGetValue(instance.ObjectHash, out var answers))
            {
                foreach (var answer in answers.Classifications)
                {
                    Add(_values, definition, answer);
                }
            }
            if (_row.ObjectActions.TryGetValue(instance.ObjectHash, out var actions))
            {
                _dynamic.Clear();
                foreach (var action in actions.Actions)
                {
                    if (action.CoversFrame(frame))
                    {
                        Add(_dynamic, definition, action);
                    }
                }
                foreach (var (key, value) in _dynamic)
                {
                    Set(_values, key, value);
                }
            }
            AddDefaults(_values, definition);
        }
        foreach (var (key, value) in _values)
        {
            json.WritePropertyName(key);
            value.WriteTo(json);
        }
        json.WriteEndObject();
    }

    private void Add(List<KeyValuePair<string, FlatValue>> target, OntologyObject definition, AttributeAnswer answer)
    {
        var attribute = TopLevel(definition, answer.FeatureHash);
        if (attribute is null)
        {
            return;
        }
        _seen.Add(attribute.FeatureNodeHash);
        switch (attribute.Type)
        {
            case AttributeType.Radio:
                Set(target, attribute.Name, answer.Options.Count > 0 ? FlatValue.Of(answer.Options[0].Name) : FlatValue.Null);
                break;
            case AttributeType.Checklist:
                foreach (var option in attribute.Options)
                {
                    var chosen = false;
                    foreach (var a in answer.Options)
                    {
                        if (a.Name == option.Label)
                        {
                            chosen = true;
                            break;
                        }
                    }
                    // Split web-app checklist actions: an option chosen by any action on this frame stays chosen.
                    if (!chosen && Get(target, option.Label) is { Kind: FlatKind.True })
                    {
                        chosen = true;
                    }
                    Set(target, option.Label, chosen ? FlatValue.True : FlatValue.False);
                }
                break;
            case AttributeType.Text:
                Set(target, attribute.Name, answer.Kind == AnswerKind.Text ? FlatValue.Of(answer.Text) : FlatValue.Null);
                break;
            case AttributeType.Numeric:
                Set(target, attribute.Name, answer.Kind == AnswerKind.Number ? FlatValue.Of(answer.Number, answer.NumberIsInteger) : FlatValue.Null);
                break;
        }
    }

    private void AddDefaults(List<KeyValuePair<string, FlatValue>> target, OntologyObject definition)
    {
        foreach (var attribute in definition.Attributes)
        {
            if (_seen.Contains(attribute.FeatureNodeHash))
            {
                continue;
            }
            if (attribute.Type == AttributeType.Checklist)
            {
                foreach (var option in attribute.Options)
                {
                    Set(target, option.Label, FlatValue.False);
                }
            }
            else
            {
                Set(target, attribute.Name, FlatValue.Null);
            }
        }
    }

    private static OntologyAttribute? TopLevel(OntologyObject definition, string featureHash)
    {
        foreach (var attribute in definition.Attributes)
        {
            if (attribute.FeatureNodeHash == featureHash)
            {
                return attribute;
            }
        }
        return null;
    }

    private static FlatValue? Get(List<KeyValuePair<string, FlatValue>> target, string key)
    {
        foreach (var (k, v) in target)
        {
            if (k == key)
            {
                return v;
            }
        }
        return null;
    }

    /// <summary>Python dict assignment: an existing key keeps its place, a new key goes last.</summary>
    private static void Set(List<KeyValuePair<string, FlatValue>> target, string key, FlatValue value)
    {
        for (var i = 0; i < target.Count; i++)
        {
            if (target[i].Key == key)
            {
                target[i] = new(key, value);
                return;
            }
        }
        target.Add(new(key, value));
    }
}
