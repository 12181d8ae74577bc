using System.Globalization;

namespace Labelport.Core.Model;

/// <summary>
/// The date formats of Encord label rows (spec §9): <c>2025-01-07 16:12:23</c> (naive, read as UTC),
/// <c>Thu, 09 Feb 2023 14:12:03 UTC</c> / <c>… GMT</c>, and ISO-8601. Labelport writes the long UTC form.
/// </summary>
public static class EncordDates
{
    private static readonly string[] ExactFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "ddd, dd MMM yyyy HH:mm:ss 'UTC'",
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        "ddd, d MMM yyyy HH:mm:ss 'UTC'",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = default;
            return false;
        }
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(text, ExactFormats, CultureInfo.InvariantCulture, utc, out value))
        {
            return true;
        }
        // ISO-8601 with or without offset (naive → UTC, as the SDK does since PR #918).
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, utc, out value);
    }

    /// <summary>Formats as the SDK and web app write export times: <c>Fri, 01 Dec 2023 11:18:11 UTC</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
