using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>A data unit of a label row (spec §2): an image, one image of a group, a video, a DICOM series, a NIfTI volume.</summary>
public sealed class DataUnit
{
    public required string DataHash { get; set; }

    public string? DataTitle { get; set; }

    public string? DataLink { get; set; }

    /// <summary>The unit's MIME type, e.g. <c>image/png</c>, <c>video/mp4</c>, <c>application/dicom</c>.</summary>
    public string? DataType { get; set; }

    public int DataSequence { get; set; }

    /// <summary>True when <c>data_sequence</c> was written as a string (SDK image groups).</summary>
    public bool DataSequenceIsString { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public double? DataDuration { get; set; }

    public double? DataFps { get; set; }

    /// <summary>
    /// True when <c>labels</c> is keyed by frame number (video, DICOM, NIfTI, …); false when it holds
    /// <c>objects</c>/<c>classifications</c> directly (images, image-group members).
    /// </summary>
    public bool LabelsByFrame { get; set; }

    /// <summary>Labelled frames in the order read. For a directly labelled unit exactly one, with <see cref="FrameLabels.Frame"/> = <see cref="DataSequence"/>.</summary>
    public List<FrameLabels> Frames { get; } = [];

    public JsonExtras Extras { get; } = new();

    public bool IsVideo => DataType is not null && DataType.Contains("video", StringComparison.Ordinal);

    public bool IsDicom => DataType is not null && DataType.Contains("application/dicom", StringComparison.Ordinal);

    public bool IsNifti => DataType is "application/nifti1" or "application/nifti2";
}
