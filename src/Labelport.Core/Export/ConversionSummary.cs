using System.Globalization;
using System.Text;

namespace Labelport.Core.Export;

/// <summary>What a conversion read, wrote and — for COCO — could not carry (the loss report).</summary>
public sealed class ConversionSummary
{
    public long RowsRead { get; set; }

    public long RowsWritten { get; set; }

    public long ObjectInstances { get; set; }

    public long ClassificationInstances { get; set; }

    public long Images { get; set; }

    public long Annotations { get; set; }

    /// <summary>What the target format dropped, by reason (e.g. "frame classifications", "cuboid objects"), with counts.</summary>
    public SortedDictionary<string, long> Dropped { get; } = new(StringComparer.Ordinal);

    public void Drop(string what, long count = 1)
    {
        if (count > 0)
        {
            Dropped[what] = Dropped.GetValueOrDefault(what) + count;
        }
    }

    public string Describe(string format)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{RowsWritten} of {RowsRead} label row(s) written as {format}");
        if (format == "coco")
        {
            text.Append(CultureInfo.InvariantCulture, $": {Images} image(s), {Annotations} annotation(s)");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $": {ObjectInstances} object instance(s), {ClassificationInstances} classification instance(s)");
        }
        if (Dropped.Count > 0)
        {
            text.Append("; not carried by ").Append(format).Append(": ");
            text.Append(string.Join(", ", Dropped.Select(d => d.Value.ToString(CultureInfo.InvariantCulture) + " " + d.Key)));
        }
        return text.ToString();
    }
}
