using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Labelport.Storage;

/// <summary>Edits of a stored label row's JSON that keep it in step with its columns (shared by every store).</summary>
internal static class LabelRowJson
{
    private static readonly JsonEncodedText LabelStatus = JsonEncodedText.Encode("label_status");
    private static readonly JsonEncodedText LastEditedAt = JsonEncodedText.Encode("last_edited_at");

    /// <summary>A top-level row date as the web app writes it: <c>2025-01-07 16:12:23</c> (UTC).</summary>
    public static string FormatRowDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The row with its top-level <c>label_status</c> and <c>last_edited_at</c> replaced (added when missing), every
    /// other field copied unchanged and in order.
    /// </summary>
    public static byte[] WithStatus(byte[] json, string labelStatus, DateTimeOffset editedAt)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"A stored label row is a JSON {document.RootElement.ValueKind}, not an object.");
        }
        using var buffer = new MemoryStream(json.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            bool wroteStatus = false, wroteEdited = false;
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals(LabelStatus.EncodedUtf8Bytes))
                {
                    writer.WriteString(LabelStatus, labelStatus);
                    wroteStatus = true;
                }
                else if (property.NameEquals(LastEditedAt.EncodedUtf8Bytes))
                {
                    writer.WriteString(LastEditedAt, FormatRowDate(editedAt));
                    wroteEdited = true;
                }
                else
                {
                    property.WriteTo(writer);
                }
            }
            if (!wroteEdited)
            {
                writer.WriteString(LastEditedAt, FormatRowDate(editedAt));
            }
            if (!wroteStatus)
            {
                writer.WriteString(LabelStatus, labelStatus);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
