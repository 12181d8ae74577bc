using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>The objects and classifications of one frame of a data unit.</summary>
public sealed class FrameLabels
{
    /// <summary>The frame number (for images and image-group members: the unit's <c>data_sequence</c>).</summary>
    public int Frame { get; set; }

    public List<ObjectInstance> Objects { get; } = [];

    public List<ClassificationInstance> Classifications { get; } = [];

    /// <summary>Other per-frame fields, e.g. DICOM frame <c>metadata</c>.</summary>
    public JsonExtras Extras { get; } = new();
}
