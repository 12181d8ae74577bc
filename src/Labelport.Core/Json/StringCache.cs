using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Labelport.Core.Json;

/// <summary>
/// Reuses the strings a label row repeats on every frame of a track and every object of a kind — feature hashes,
/// object hashes, names, colours, shapes, user emails, dates — instead of allocating each occurrence. Short strings
/// without escapes are decoded to the stack and looked up by span; only the first occurrence allocates.
/// Thread-static (the parser is static and rows may be read on any thread); bounded so it never grows with the input.
/// </summary>
internal static class StringCache
{
    private const int MaxLength = 64;
    private const int MaxEntries = 8192;

    [ThreadStatic]
    private static Dictionary<string, string>? t_strings;

    public static string Get(JsonElement value)
    {
        // The raw value of a string element includes its quotes.
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length - 2 > MaxLength || raw.IndexOf((byte)'\\') >= 0)
        {
            return value.GetString()!;
        }
        Span<char> chars = stackalloc char[MaxLength];
        if (Utf8.ToUtf16(raw[1..^1], chars, out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            // Invalid UTF-8: let the JSON API report it.
            return value.GetString()!;
        }
        var strings = t_strings ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..written], out var cached))
        {
            return cached;
        }
        if (strings.Count >= MaxEntries)
        {
            strings.Clear();
        }
        var text = new string(chars[..written]);
        strings.Add(text, text);
        return text;
    }
}
