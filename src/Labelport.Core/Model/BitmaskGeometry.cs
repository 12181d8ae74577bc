namespace Labelport.Core.Model;

/// <summary>
/// <c>bitmask</c>: a full-frame mask as Encord's row-major RLE string (spec §11). <see cref="Height"/> and
/// <see cref="Width"/> must equal the media size; <see cref="Top"/> and <see cref="Left"/> are always 0.
/// </summary>
public sealed record BitmaskGeometry(int Top, int Left, int Height, int Width, string RleString) : ShapeGeometry;
