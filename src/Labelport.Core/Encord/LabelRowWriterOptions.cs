using Labelport.Core.Model;

namespace Labelport.Core.Encord;

/// <summary>Options of <see cref="LabelRowWriter"/>.</summary>
public sealed record LabelRowWriterOptions
{
    public bool Indented { get; init; }

    /// <summary>Per-export values written into every row, or null to write rows' own export fields unchanged.</summary>
    public ExportStamp? Stamp { get; init; }

    /// <summary>Replaces each data unit's <c>data_link</c> (e.g. with a signed URL); null keeps the stored link.</summary>
    public Func<LabelRow, DataUnit, string?>? DataLink { get; init; }
}
