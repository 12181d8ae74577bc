using System.Globalization;
using System.Text;

namespace Labelport.Core.Coco;

/// <summary>
/// Formats doubles as Python's <c>json.dumps</c> does (<c>repr</c>): the shortest round-trip digits, always with a
/// decimal point or an exponent (<c>2.0</c>, <c>47.327999999999996</c>, <c>1e-05</c>, <c>1e+16</c>), so COCO files
/// compare byte for byte with the reference.
/// </summary>
public static class PythonFloat
{
    public static int Format(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            return Copy("NaN", destination);
        }
        if (double.IsInfinity(value))
        {
            return Copy(value > 0 ? "Infinity" : "-Infinity", destination);
        }
        Span<char> r = stackalloc char[32];
        value.TryFormat(r, out var length, "R", CultureInfo.InvariantCulture);
        var text = r[..length];
        var e = text.IndexOf('E');
        if (e < 0)
        {
            var written = Encoding.ASCII.GetBytes(text, destination);
            if (text.IndexOf('.') < 0)
            {
                destination[written++] = (byte)'.';
                destination[written++] = (byte)'0';
            }
            return written;
        }
        // Mantissa d[.ddd] and decimal exponent, from .NET's shortest form; re-layout as Python does.
        var negative = text[0] == '-';
        var mantissa = text[(negative ? 1 : 0)..e];
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[20];
        var count = 0;
        foreach (var c in mantissa)
        {
            if (c != '.')
            {
                digits[count++] = c;
            }
        }
        var builder = new StringBuilder(32);
        if (exponent is >= -4 and < 16)
        {
            // Python repr uses fixed notation for 1e-4 <= |x| < 1e16.
            if (negative)
            {
                builder.Append('-');
            }
            if (exponent < 0)
            {
                builder.Append("0.").Append('0', -exponent - 1).Append(digits[..count]);
            }
            else if (count <= exponent + 1)
            {
                builder.Append(digits[..count]).Append('0', exponent + 1 - count).Append(".0");
            }
            else
            {
                builder.Append(digits[..(exponent + 1)]).Append('.').Append(digits[(exponent + 1)..count]);
            }
        }
        else
        {
            AppendExponential(builder, negative, digits[..count], exponent);
        }
        return Encoding.ASCII.GetBytes(builder.ToString(), destination);
    }

    public static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[40];
        var length = Format(value, buffer);
        return Encoding.ASCII.GetString(buffer[..length]);
    }

    private static void AppendExponential(StringBuilder builder, bool negative, ReadOnlySpan<char> digits, int exponent)
    {
        if (negative)
        {
            builder.Append('-');
        }
        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits[1..]);
        }
        builder.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
    }

    private static int Copy(string text, Span<byte> destination) => Encoding.ASCII.GetBytes(text, destination);
}
