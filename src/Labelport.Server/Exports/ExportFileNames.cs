using System.Globalization;

namespace Labelport.Server.Exports;

/// <summary>Export file names (DESIGN.md): <c>&lt;projectHash&gt;_&lt;yyyy-MM-dd_HH-mm-ss&gt;.json</c> or <c>…_coco.json</c>, UTC.</summary>
public static class ExportFileNames
{
    public static string For(string projectHash, string format, DateTimeOffset utc)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectHash);
        var time = utc.UtcDateTime.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
        return format switch
        {
            ExportFormats.Json => $"{projectHash}_{time}.json",
            ExportFormats.Coco => $"{projectHash}_{time}_coco.json",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
        };
    }
}
