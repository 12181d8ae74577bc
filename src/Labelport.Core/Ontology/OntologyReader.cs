using System.Globalization;
using System.Text.Json;
using Labelport.Core.Json;

namespace Labelport.Core.Ontology;

/// <summary>Reads an ontology (structure) JSON document. Problems → <see cref="LabelFormatException"/> with the JSON path.</summary>
public static class OntologyReader
{
    public static OntologyStructure Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new LabelFormatException("$", "malformed JSON (line " + (e.LineNumber + 1) + ", byte " + (e.BytePositionInLine + 1) + "): " + FirstSentence(e.Message), e);
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static OntologyStructure Parse(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Read(stream);
    }

    public static OntologyStructure Read(JsonElement root)
    {
        var path = new JsonPath();
        JsonValues.ExpectObject(root, path);
        var objects = new List<OntologyObject>();
        var classifications = new List<OntologyClassification>();
        var templates = new List<SkeletonTemplate>();
        if (root.TryGetProperty("objects", out var objectsElement) && objectsElement.ValueKind != JsonValueKind.Null)
        {
            path.Push("objects");
            JsonValues.ExpectArray(objectsElement, path);
            var i = 0;
            foreach (var item in objectsElement.EnumerateArray())
            {
                path.Push(i++);
                objects.Add(ReadObject(item, path));
                path.Pop();
            }
            path.Pop();
        }
        if (root.TryGetProperty("classifications", out var classElement) && classElement.ValueKind != JsonValueKind.Null)
        {
            path.Push("classifications");
            JsonValues.ExpectArray(classElement, path);
            var i = 0;
            foreach (var item in classElement.EnumerateArray())
            {
                path.Push(i++);
                JsonValues.ExpectObject(item, path);
                classifications.Add(new OntologyClassification
                {
                    Id = Id(item),
                    FeatureNodeHash = JsonValues.RequiredString(Property(item, path, "featureNodeHash"), path, "featureNodeHash"),
                    Level = item.TryGetProperty("level", out var level) ? JsonValues.StringOrNull(level, path, "level") : null,
                    Attributes = ReadAttributes(item, path),
                });
                path.Pop();
            }
            path.Pop();
        }
        if (root.TryGetProperty("skeleton_templates", out var templatesElement) && templatesElement.ValueKind == JsonValueKind.Array)
        {
            path.Push("skeleton_templates");
            var i = 0;
            foreach (var item in templatesElement.EnumerateArray())
            {
                path.Push(i++);
                templates.Add(ReadTemplate(item, path));
                path.Pop();
            }
            path.Pop();
        }
        return new OntologyStructure(objects, classifications, templates);
    }

    private static OntologyObject ReadObject(JsonElement item, JsonPath path)
    {
        JsonValues.ExpectObject(item, path);
        return new OntologyObject
        {
            Id = Id(item),
            Name = JsonValues.RequiredString(Property(item, path, "name"), path, "name"),
            Color = item.TryGetProperty("color", out var color) ? JsonValues.StringOrNull(color, path, "color") : null,
            ShapeName = JsonValues.RequiredString(Property(item, path, "shape"), path, "shape"),
            FeatureNodeHash = JsonValues.RequiredString(Property(item, path, "featureNodeHash"), path, "featureNodeHash"),
            Required = Bool(item, path, "required"),
            Archived = Bool(item, path, "archived"),
            Attributes = ReadAttributes(item, path),
        };
    }

    private static List<OntologyAttribute> ReadAttributes(JsonElement owner, JsonPath path, string key = "attributes")
    {
        var result = new List<OntologyAttribute>();
        if (!owner.TryGetProperty(key, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return result;
        }
        path.Push(key);
        JsonValues.ExpectArray(list, path);
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            path.Push(i++);
            JsonValues.ExpectObject(item, path);
            var typeName = JsonValues.RequiredString(Property(item, path, "type"), path, "type");
            var type = typeName switch
            {
                "radio" => AttributeType.Radio,
                "checklist" => AttributeType.Checklist,
                "text" => AttributeType.Text,
                "numeric" => AttributeType.Numeric,
                _ => AttributeType.Unknown,
            };
            result.Add(new OntologyAttribute
            {
                Id = Id(item),
                Name = JsonValues.RequiredString(Property(item, path, "name"), path, "name"),
                Type = type,
                TypeName = typeName,
                FeatureNodeHash = JsonValues.RequiredString(Property(item, path, "featureNodeHash"), path, "featureNodeHash"),
                Required = Bool(item, path, "required"),
                Dynamic = Bool(item, path, "dynamic"),
                Archived = Bool(item, path, "archived"),
                Options = ReadOptions(item, path),
            });
            path.Pop();
        }
        path.Pop();
        return result;
    }

    private static List<OntologyOption> ReadOptions(JsonElement attribute, JsonPath path)
    {
        var result = new List<OntologyOption>();
        if (!attribute.TryGetProperty("options", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return result;
        }
        path.Push("options");
        JsonValues.ExpectArray(list, path);
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            path.Push(i++);
            JsonValues.ExpectObject(item, path);
            result.Add(new OntologyOption
            {
                Id = Id(item),
                Label = JsonValues.RequiredString(Property(item, path, "label"), path, "label"),
                Value = item.TryGetProperty("value", out var value) ? JsonValues.StringOrNull(value, path, "value") : null,
                FeatureNodeHash = JsonValues.RequiredString(Property(item, path, "featureNodeHash"), path, "featureNodeHash"),
                Archived = Bool(item, path, "archived"),
                // Radio options nest attributes under "options" (Encord's NestableOption).
                NestedAttributes = ReadAttributes(item, path, "options"),
            });
            path.Pop();
        }
        path.Pop();
        return result;
    }

    private static SkeletonTemplate ReadTemplate(JsonElement item, JsonPath path)
    {
        JsonValues.ExpectObject(item, path);
        var template = item.TryGetProperty("template", out var inner) ? inner : item;
        if (template.ValueKind != JsonValueKind.Object)
        {
            throw JsonValues.TypeError(path, "template", "an object", template);
        }
        path.Push("template");
        var points = new List<SkeletonTemplatePoint>();
        if (template.TryGetProperty("skeleton", out var skeleton) && skeleton.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in skeleton.EnumerateObject().OrderBy(p => int.TryParse(p.Name, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue))
            {
                path.Push("skeleton");
                path.Push(property.Name);
                var p = property.Value;
                JsonValues.ExpectObject(p, path);
                points.Add(new SkeletonTemplatePoint(
                    p.TryGetProperty("name", out var name) ? JsonValues.StringOrNull(name, path, "name") ?? property.Name : property.Name,
                    p.TryGetProperty("featureHash", out var fh) ? JsonValues.StringOrNull(fh, path, "featureHash") : null,
                    p.TryGetProperty("x", out var x) ? JsonValues.Double(x, path, "x") : 0,
                    p.TryGetProperty("y", out var y) ? JsonValues.Double(y, path, "y") : 0,
                    p.TryGetProperty("color", out var c) ? JsonValues.StringOrNull(c, path, "color") : null));
                path.Pop();
                path.Pop();
            }
        }
        var edges = new List<(int, int)>();
        if (template.TryGetProperty("skeletonEdges", out var edgesElement) && edgesElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var from in edgesElement.EnumerateObject())
            {
                if (from.Value.ValueKind != JsonValueKind.Object || !int.TryParse(from.Name, CultureInfo.InvariantCulture, out var f))
                {
                    continue;
                }
                foreach (var to in from.Value.EnumerateObject())
                {
                    if (int.TryParse(to.Name, CultureInfo.InvariantCulture, out var t))
                    {
                        edges.Add((f, t));
                    }
                }
            }
        }
        var result = new SkeletonTemplate
        {
            Name = template.TryGetProperty("name", out var n2) ? JsonValues.StringOrNull(n2, path, "name") ?? "" : "",
            FeatureNodeHash = template.TryGetProperty("feature_node_hash", out var h) ? JsonValues.StringOrNull(h, path, "feature_node_hash") : null,
            Points = points,
            Edges = edges,
        };
        path.Pop();
        return result;
    }

    private static JsonElement Property(JsonElement owner, JsonPath path, string name) =>
        owner.TryGetProperty(name, out var value) ? value : throw new LabelFormatException(path.Child(name), "required field is missing");

    private static bool Bool(JsonElement owner, JsonPath path, string name) =>
        owner.TryGetProperty(name, out var value) && (JsonValues.BoolOrNull(value, path, name) ?? false);

    private static string? Id(JsonElement owner) =>
        owner.TryGetProperty("id", out var id) ? id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        } : null;

    internal static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
