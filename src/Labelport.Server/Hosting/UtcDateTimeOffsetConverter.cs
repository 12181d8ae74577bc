using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Labelport.Server.Hosting;

/// <summary>Writes times as ISO 8601 UTC with a <c>Z</c> (<c>2026-12-01T08:19:17Z</c>, fractions only when present).</summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
