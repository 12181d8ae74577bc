using System.Text.Json;

namespace Labelport.Server.Exports;

/// <summary>The wire and storage form of <see cref="ExportRequest"/>: System.Text.Json web defaults (camelCase).</summary>
public static class ExportRequestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Serialize(ExportRequest request) => JsonSerializer.Serialize(request, Options);

    /// <summary>Reads a stored request; a job's request was validated when it was created, so anything else is a bug.</summary>
    public static ExportRequest Deserialize(string json) =>
        JsonSerializer.Deserialize<ExportRequest>(json, Options) ?? throw new JsonException("the export request is null");
}
