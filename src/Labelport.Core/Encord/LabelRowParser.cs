using System.Globalization;
using System.Text.Json;
using Labelport.Core.Json;
using Labelport.Core.Model;

namespace Labelport.Core.Encord;

/// <summary>Maps one label row's JSON (either dialect, any field order) onto the model, failing with the JSON path.</summary>
internal static partial class LabelRowParser
{
    public static LabelRow Parse(JsonElement element, JsonPath path)
    {
        JsonValues.ExpectObject(element, path);
        if (!element.TryGetProperty("data_hash", out var dataHashElement))
        {
            throw new LabelFormatException(path.Child("data_hash"), "required field is missing");
        }
        var row = new LabelRow { DataHash = JsonValues.RequiredString(dataHashElement, path, "data_hash") };
        JsonElement dataUnits = default, objectAnswers = default, classificationAnswers = default, objectActions = default;
        foreach (var property in element.EnumerateObject())
        {
            var propertyName = JsonNames.Of(property);
            var value = property.Value;
            switch (propertyName)
            {
                case "label_hash": row.LabelHash = JsonValues.StringOrNull(value, path, propertyName); break;
                case "branch_name": row.BranchName = JsonValues.StringOrNull(value, path, propertyName); break;
                case "created_at": row.CreatedAt = JsonValues.StringOrNull(value, path, propertyName); break;
                case "last_edited_at": row.LastEditedAt = JsonValues.StringOrNull(value, path, propertyName); break;
                case "data_hash": break;
                case "dataset_hash": row.DatasetHash = JsonValues.StringOrNull(value, path, propertyName); break;
                case "dataset_title": row.DatasetTitle = JsonValues.StringOrNull(value, path, propertyName); break;
                case "data_title": row.DataTitle = JsonValues.StringOrNull(value, path, propertyName); break;
                case "data_type": row.DataType = JsonValues.StringOrNull(value, path, propertyName); break;
                case "is_image_sequence": row.IsImageSequence = JsonValues.BoolOrNull(value, path, propertyName); break;
                case "video_link":
                    // Some web-app rows carry `false` here; anything but a string or null is kept verbatim.
                    if (value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                    {
                        row.VideoLink = value.GetString();
                    }
                    else
                    {
                        row.Extras.Add(propertyName, value);
                    }
                    break;
                case "is_valid": row.IsValid = JsonValues.BoolOrNull(value, path, propertyName); break;
                case "is_shadow_data": row.IsShadowData = JsonValues.BoolOrNull(value, path, propertyName); break;
                case "label_status": row.LabelStatusName = JsonValues.StringOrNull(value, path, propertyName); break;
                case "annotation_task_status": row.AnnotationTaskStatusName = JsonValues.StringOrNull(value, path, propertyName); break;
                case "export_hash": row.ExportHash = JsonValues.StringOrNull(value, path, propertyName); break;
                case "exported_at": row.ExportedAt = JsonValues.StringOrNull(value, path, propertyName); break;
                case "export_history": ParseExportHistory(row, value, path); break;
                case "data_units": dataUnits = value; break;
                case "object_answers": objectAnswers = value; break;
                case "classification_answers": classificationAnswers = value; break;
                case "object_actions": objectActions = value; break;
                default: row.Extras.Add(propertyName, value); break;
            }
        }
        if (dataUnits.ValueKind != JsonValueKind.Undefined)
        {
            ParseDataUnits(row, dataUnits, path);
        }
        if (objectAnswers.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            ParseObjectAnswers(row, objectAnswers, path);
        }
        if (classificationAnswers.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            ParseClassificationAnswers(row, classificationAnswers, path);
        }
        if (objectActions.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            ParseObjectActions(row, objectActions, path);
        }
        return row;
    }

    private static void ParseExportHistory(LabelRow row, JsonElement value, JsonPath path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        path.Push("export_history");
        JsonValues.ExpectArray(value, path);
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            path.Push(i++);
            JsonValues.ExpectObject(item, path);
            var entry = new ExportHistoryEntry();
            foreach (var p in item.EnumerateObject())
            {
                var name = JsonNames.Of(p);
                switch (name)
                {
                    case "export_hash": entry.ExportHash = JsonValues.StringOrNull(p.Value, path, name); break;
                    case "exported_at": entry.ExportedAt = JsonValues.StringOrNull(p.Value, path, name); break;
                    case "user_email": entry.UserEmail = JsonValues.StringOrNull(p.Value, path, name); break;
                    default: entry.Extras.Add(name, p.Value); break;
                }
            }
            row.ExportHistory.Add(entry);
            path.Pop();
        }
        path.Pop();
    }

    private static void ParseDataUnits(LabelRow row, JsonElement value, JsonPath path)
    {
        path.Push("data_units");
        JsonValues.ExpectObject(value, path);
        foreach (var property in value.EnumerateObject())
        {
            var propertyName = JsonNames.Of(property);
            path.Push(propertyName);
            var unit = ParseDataUnit(row, propertyName, property.Value, path);
            if (!row.DataUnits.TryAdd(propertyName, unit))
            {
                throw new LabelFormatException(path.ToString(), "duplicate data unit key");
            }
            path.Pop();
        }
        path.Pop();
    }

    private static DataUnit ParseDataUnit(LabelRow row, string key, JsonElement element, JsonPath path)
    {
        JsonValues.ExpectObject(element, path);
        var unit = new DataUnit { DataHash = key };
        JsonElement labels = default;
        foreach (var p in element.EnumerateObject())
        {
            var name = JsonNames.Of(p);
            var v = p.Value;
            switch (name)
            {
                case "data_hash": unit.DataHash = JsonValues.RequiredString(v, path, name); break;
                case "data_title": unit.DataTitle = JsonValues.StringOrNull(v, path, name); break;
                case "data_link": unit.DataLink = JsonValues.StringOrNull(v, path, name); break;
                case "data_type": unit.DataType = JsonValues.StringOrNull(v, path, name); break;
                case "data_sequence":
                    if (v.ValueKind == JsonValueKind.String)
                    {
                        if (!int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                        {
                            throw JsonValues.TypeError(path, name, "an integer or a string of digits", v);
                        }
                        unit.DataSequence = sequence;
                        unit.DataSequenceIsString = true;
                    }
                    else
                    {
                        unit.DataSequence = JsonValues.Int(v, path, name);
                    }
                    break;
                case "width": unit.Width = JsonValues.IntOrNull(v, path, name); break;
                case "height": unit.Height = JsonValues.IntOrNull(v, path, name); break;
                case "data_duration": unit.DataDuration = JsonValues.DoubleOrNull(v, path, name); break;
                case "data_fps": unit.DataFps = JsonValues.DoubleOrNull(v, path, name); break;
                case "labels": labels = v; break;
                default: unit.Extras.Add(name, v); break;
            }
        }
        if (labels.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            path.Push("labels");
            JsonValues.ExpectObject(labels, path);
            unit.LabelsByFrame = IsFrameKeyed(row, unit, labels);
            if (unit.LabelsByFrame)
            {
                foreach (var frameProperty in labels.EnumerateObject())
                {
                    path.Push(frameProperty.Name);
                    if (!int.TryParse(frameProperty.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var frame))
                    {
                        throw new LabelFormatException(path.ToString(), "frame key must be a non-negative integer, found \"" + frameProperty.Name + "\"");
                    }
                    var frameLabels = new FrameLabels { Frame = frame };
                    ParseFrame(frameLabels, frameProperty.Value, path);
                    unit.Frames.Add(frameLabels);
                    path.Pop();
                }
            }
            else
            {
                var frameLabels = new FrameLabels { Frame = unit.DataSequence };
                ParseFrame(frameLabels, labels, path);
                unit.Frames.Add(frameLabels);
            }
            path.Pop();
        }
        else if (!IsFrameKeyedType(row, unit))
        {
            unit.Frames.Add(new FrameLabels { Frame = unit.DataSequence });
        }
        else
        {
            unit.LabelsByFrame = true;
        }
        return unit;
    }

    private static bool IsFrameKeyedType(LabelRow row, DataUnit unit)
    {
        if (row.DataType is "image" or "img_group" or "group")
        {
            return false;
        }
        if (unit.DataType is not null && unit.DataType.StartsWith("image/", StringComparison.Ordinal))
        {
            return false;
        }
        return true;
    }

    private static bool IsFrameKeyed(LabelRow row, DataUnit unit, JsonElement labels)
    {
        foreach (var p in labels.EnumerateObject())
        {
            var name = JsonNames.Of(p);
            // The keys decide when present: direct labels hold objects/classifications, frame labels are keyed by number.
            return name is not ("objects" or "classifications");
        }
        return IsFrameKeyedType(row, unit);
    }

    private static void ParseFrame(FrameLabels frame, JsonElement element, JsonPath path)
    {
        JsonValues.ExpectObject(element, path);
        foreach (var p in element.EnumerateObject())
        {
            var name = JsonNames.Of(p);
            switch (name)
            {
                case "objects":
                    path.Push("objects");
                    JsonValues.ExpectArray(p.Value, path);
                    var i = 0;
                    foreach (var item in p.Value.EnumerateArray())
                    {
                        path.Push(i++);
                        frame.Objects.Add(ParseObject(item, path));
                        path.Pop();
                    }
                    path.Pop();
                    break;
                case "classifications":
                    path.Push("classifications");
                    JsonValues.ExpectArray(p.Value, path);
                    var j = 0;
                    foreach (var item in p.Value.EnumerateArray())
                    {
                        path.Push(j++);
                        frame.Classifications.Add(ParseClassification(item, path));
                        path.Pop();
                    }
                    path.Pop();
                    break;
                default:
                    frame.Extras.Add(name, p.Value);
                    break;
            }
        }
    }

    private static ClassificationInstance ParseClassification(JsonElement element, JsonPath path)
    {
        JsonValues.ExpectObject(element, path);
        var instance = new ClassificationInstance
        {
            ClassificationHash = JsonValues.RequiredString(Required(element, path, "classificationHash"), path, "classificationHash"),
            FeatureHash = JsonValues.RequiredString(Required(element, path, "featureHash"), path, "featureHash"),
        };
        foreach (var p in element.EnumerateObject())
        {
            var name = JsonNames.Of(p);
            var v = p.Value;
            switch (name)
            {
                case "classificationHash":
                case "featureHash":
                    break;
                case "name": instance.Name = JsonValues.StringOrNull(v, path, name); break;
                case "value": instance.Value = JsonValues.StringOrNull(v, path, name); break;
                case "createdAt": instance.CreatedAt = JsonValues.StringOrNull(v, path, name); break;
                case "createdBy": instance.CreatedBy = JsonValues.StringOrNull(v, path, name); break;
                case "confidence": instance.Confidence = JsonValues.DoubleOrNull(v, path, name); break;
                case "manualAnnotation": instance.ManualAnnotation = JsonValues.BoolOrNull(v, path, name); break;
                case "lastEditedAt": instance.LastEditedAt = JsonValues.StringOrNull(v, path, name); break;
                case "lastEditedBy": instance.LastEditedBy = JsonValues.StringOrNull(v, path, name); break;
                default: instance.Extras.Add(name, v); break;
            }
        }
        return instance;
    }

    private static JsonElement Required(JsonElement owner, JsonPath path, string name) =>
        owner.TryGetProperty(name, out var value) ? value : throw new LabelFormatException(path.Child(name), "required field is missing");
}
