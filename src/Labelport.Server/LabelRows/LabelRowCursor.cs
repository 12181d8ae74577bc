using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Labelport.Server.Hosting;

namespace Labelport.Server.LabelRows;

/// <summary>The opaque keyset cursor of label-row pages: base64url of <c>["data title", "label hash"]</c>.</summary>
internal static class LabelRowCursor
{
    public static string Encode(string dataTitle, string labelHash) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { dataTitle, labelHash }));

    public static (string DataTitle, string LabelHash) Decode(string cursor)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)));
            if (parts is [{ } title, { } hash])
            {
                return (title, hash);
            }
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
        }
        throw ApiProblemException.Invalid("cursor", "not a cursor this server handed out: \"" + cursor + "\"");
    }
}
