using System.Text.Json;

namespace Labelport.Core.Json;

/// <summary>
/// Typed access to <see cref="JsonElement"/> values that fails with a <see cref="LabelFormatException"/> naming the
/// JSON path, the expected type and the value found.
/// </summary>
internal static class JsonValues
{
    public static string Describe(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString() ?? string.Empty;
                return text.Length > 60 ? "string \"" + text[..57] + "...\"" : "string \"" + text + "\"";
            case JsonValueKind.Number:
                return "number " + value.GetRawText();
            case JsonValueKind.True:
            case JsonValueKind.False:
                return value.GetRawText();
            case JsonValueKind.Null:
                return "null";
            case JsonValueKind.Array:
                return "an array";
            case JsonValueKind.Object:
                return "an object";
            default:
                return "nothing";
        }
    }

    public static LabelFormatException TypeError(JsonPath path, string name, string expected, JsonElement value) =>
        new(path.Child(name), "expected " + expected + ", found " + Describe(value));

    public static LabelFormatException TypeError(JsonPath path, string expected, JsonElement value) =>
        new(path.ToString(), "expected " + expected + ", found " + Describe(value));

    public static void ExpectObject(JsonElement value, JsonPath path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw TypeError(path, "an object", value);
        }
    }

    public static void ExpectArray(JsonElement value, JsonPath path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw TypeError(path, "an array", value);
        }
    }

    public static string? StringOrNull(JsonElement value, JsonPath path, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw TypeError(path, name, "a string", value),
    };

    public static string RequiredString(JsonElement value, JsonPath path, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        _ => throw TypeError(path, name, "a string", value),
    };

    public static double? DoubleOrNull(JsonElement value, JsonPath path, string name) => value.ValueKind switch
    {
        JsonValueKind.Number => Double(value, path, name),
        JsonValueKind.Null => null,
        _ => throw TypeError(path, name, "a number", value),
    };

    public static double Double(JsonElement value, JsonPath path, string name)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw TypeError(path, name, "a number", value);
        }
        if (!value.TryGetDouble(out var result) || !double.IsFinite(result))
        {
            throw new LabelFormatException(path.Child(name), "number out of range: " + value.GetRawText());
        }
        return result;
    }

    public static int Int(JsonElement value, JsonPath path, string name)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw TypeError(path, name, "an integer", value);
        }
        if (value.TryGetInt32(out var result))
        {
            return result;
        }
        // Whole doubles such as 400.0 are accepted; fractions are not.
        if (value.TryGetDouble(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            return (int)d;
        }
        throw TypeError(path, name, "an integer", value);
    }

    public static int? IntOrNull(JsonElement value, JsonPath path, string name) =>
        value.ValueKind == JsonValueKind.Null ? null : Int(value, path, name);

    public static bool? BoolOrNull(JsonElement value, JsonPath path, string name) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw TypeError(path, name, "true or false", value),
    };
}
