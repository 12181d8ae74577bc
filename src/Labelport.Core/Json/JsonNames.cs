using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Labelport.Core.Json;

/// <summary>
/// Property names of the label formats as shared string instances: reading a name through here costs no allocation
/// (<see cref="JsonProperty.Name"/> allocates a new string on every call, which dominated reading time).
/// </summary>
internal static class JsonNames
{
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Known = new[]
    {
        "label_hash", "branch_name", "created_at", "last_edited_at", "data_hash", "dataset_hash", "dataset_title",
        "data_title", "data_type", "is_image_sequence", "video_link", "is_valid", "is_shadow_data", "label_status",
        "annotation_task_status", "export_hash", "exported_at", "export_history", "data_units", "object_answers",
        "classification_answers", "object_actions", "spaces", "user_email", "data_link", "data_sequence", "width",
        "height", "data_duration", "data_fps", "labels", "objects", "classifications", "metadata", "name", "color",
        "shape", "value", "createdAt", "createdBy", "confidence", "objectHash", "featureHash", "manualAnnotation",
        "lastEditedAt", "lastEditedBy", "isDeleted", "boundingBox", "rotatableBoundingBox", "polygon", "polygons",
        "polyline", "point", "bitmask", "skeleton", "x", "y", "z", "w", "h", "theta", "top", "left", "rleString",
        "visibility", "invisible", "occluded", "selfOccluded", "visible", "classificationHash", "answers", "actions",
        "dynamic", "range", "shouldPropagate", "trackHash", "reviews",
    }.ToFrozenDictionary(n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Of(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= 64 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[64];
            var length = Encoding.UTF8.GetChars(raw, chars);
            if (Known.TryGetValue(chars[..length], out var name))
            {
                return name;
            }
        }
        return property.Name;
    }
}
