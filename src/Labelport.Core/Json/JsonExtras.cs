using System.Runtime.InteropServices;
using System.Text.Json;

namespace Labelport.Core.Json;

/// <summary>
/// Fields a reader did not recognise, kept as raw UTF-8 JSON so they are written back unchanged
/// (lossless round trip of newer or foreign exports).
/// </summary>
public sealed class JsonExtras
{
    private List<KeyValuePair<string, byte[]>>? _fields;

    public int Count => _fields?.Count ?? 0;

    public IEnumerable<KeyValuePair<string, byte[]>> Fields => (IEnumerable<KeyValuePair<string, byte[]>>?)_fields ?? [];

    public void Add(string name, JsonElement value)
    {
        _fields ??= new List<KeyValuePair<string, byte[]>>(2);
        _fields.Add(new KeyValuePair<string, byte[]>(name, JsonMarshal.GetRawUtf8Value(value).ToArray()));
    }

    public void Add(string name, byte[] rawUtf8Json)
    {
        _fields ??= new List<KeyValuePair<string, byte[]>>(2);
        _fields.Add(new KeyValuePair<string, byte[]>(name, rawUtf8Json));
    }

    public bool TryGet(string name, out JsonElement value)
    {
        if (_fields is not null)
        {
            foreach (var field in _fields)
            {
                if (field.Key == name)
                {
                    using var document = JsonDocument.Parse(field.Value);
                    value = document.RootElement.Clone();
                    return true;
                }
            }
        }
        value = default;
        return false;
    }

    public bool Remove(string name) => _fields is not null && _fields.RemoveAll(f => f.Key == name) > 0;

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_fields is null)
        {
            return;
        }
        foreach (var field in _fields)
        {
            writer.WritePropertyName(field.Key);
            writer.WriteRawValue(field.Value, skipInputValidation: true);
        }
    }
}
