using System.Text.Json;

namespace Labelport.Core.Coco;

/// <summary>A flattened attribute value: null, a boolean, text or a number.</summary>
internal readonly record struct FlatValue(FlatKind Kind, string? Text, double Number, bool IsInteger)
{
    public static FlatValue Null => new(FlatKind.Null, null, 0, false);

    public static FlatValue True => new(FlatKind.True, null, 0, false);

    public static FlatValue False => new(FlatKind.False, null, 0, false);

    public static FlatValue Of(string? text) => text is null ? Null : new(FlatKind.Text, text, 0, false);

    public static FlatValue Of(double number, bool isInteger) => new(FlatKind.Number, null, number, isInteger);

    public void WriteTo(Utf8JsonWriter json)
    {
        switch (Kind)
        {
            case FlatKind.True:
                json.WriteBooleanValue(true);
                break;
            case FlatKind.False:
                json.WriteBooleanValue(false);
                break;
            case FlatKind.Text:
                json.WriteStringValue(Text);
                break;
            case FlatKind.Number when IsInteger:
                json.WriteNumberValue((long)Number);
                break;
            case FlatKind.Number:
                Span<byte> buffer = stackalloc byte[40];
                json.WriteRawValue(buffer[..PythonFloat.Format(Number, buffer)], skipInputValidation: true);
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }
}
