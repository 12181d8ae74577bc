using System.Text.Json.Serialization;

namespace Labelport.Client;

/// <summary>The file format of an export.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportFormat>))]
public enum ExportFormat
{
    /// <summary>Encord JSON: an array of label rows (web-app export dialect).</summary>
    [JsonStringEnumMemberName("json")]
    Json,

    /// <summary>COCO (Encord's flavour), bitmasks as compressed RLE.</summary>
    [JsonStringEnumMemberName("coco")]
    Coco,
}
