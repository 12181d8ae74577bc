using System.Globalization;
using System.Text.Json;

namespace Labelport.Core.Tests.Encord;

/// <summary>
/// Compares two JSON documents as trees: object key order is ignored, numbers compare by value (1 = 1.0),
/// everything else must match exactly. Each difference is one line <c>path: kind detail</c>.
/// </summary>
internal static class JsonTreeDiff
{
    public static List<JsonDifference> Compare(JsonElement expected, JsonElement actual)
    {
        var differences = new List<JsonDifference>();
        Walk("$", expected, actual, differences);
        return differences;
    }

    private static void Walk(string path, JsonElement expected, JsonElement actual, List<JsonDifference> differences)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBool(expected) && IsBool(actual)))
        {
            differences.Add(new JsonDifference(path, DifferenceKind.Changed, Show(expected), Show(actual)));
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    var child = path + "." + property.Name;
                    if (actual.TryGetProperty(property.Name, out var other))
                    {
                        Walk(child, property.Value, other, differences);
                    }
                    else
                    {
                        differences.Add(new JsonDifference(child, DifferenceKind.Removed, Show(property.Value), null));
                    }
                }
                foreach (var property in actual.EnumerateObject())
                {
                    if (!expected.TryGetProperty(property.Name, out _))
                    {
                        differences.Add(new JsonDifference(path + "." + property.Name, DifferenceKind.Added, null, Show(property.Value)));
                    }
                }
                break;
            case JsonValueKind.Array:
                var length = Math.Max(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < length; i++)
                {
                    var child = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (i >= actual.GetArrayLength())
                    {
                        differences.Add(new JsonDifference(child, DifferenceKind.Removed, Show(expected[i]), null));
                    }
                    else if (i >= expected.GetArrayLength())
                    {
                        differences.Add(new JsonDifference(child, DifferenceKind.Added, null, Show(actual[i])));
                    }
                    else
                    {
                        Walk(child, expected[i], actual[i], differences);
                    }
                }
                break;
            case JsonValueKind.Number:
                if (decimal.Parse(expected.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) != decimal.Parse(actual.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture))
                {
                    differences.Add(new JsonDifference(path, DifferenceKind.Changed, Show(expected), Show(actual)));
                }
                break;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                {
                    differences.Add(new JsonDifference(path, DifferenceKind.Changed, Show(expected), Show(actual)));
                }
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                if (expected.GetBoolean() != actual.GetBoolean())
                {
                    differences.Add(new JsonDifference(path, DifferenceKind.Changed, Show(expected), Show(actual)));
                }
                break;
        }
    }

    private static bool IsBool(JsonElement element) => element.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
