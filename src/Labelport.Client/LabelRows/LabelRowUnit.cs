namespace Labelport.Client;

/// <summary>A data unit of a label row, as listed in a <see cref="LabelRowSummary"/>.</summary>
/// <param name="DataHash">The unit's data hash.</param>
/// <param name="Title">The unit's title.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Frames">Number of frames (videos).</param>
public sealed record LabelRowUnit(string DataHash, string? Title, int? Width, int? Height, int? Frames);
