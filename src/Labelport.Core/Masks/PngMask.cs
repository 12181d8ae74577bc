namespace Labelport.Core.Masks;

/// <summary>
/// A mask read from a PNG: <see cref="RowMajor"/> holds 0/1 per pixel (1 = any colour sample &gt; 0; alpha is
/// ignored). <see cref="IsBinary"/> is false when the image had more than one non-zero pixel value, i.e. it was
/// thresholded at &gt; 0 rather than being a two-valued mask.
/// </summary>
public sealed record PngMask(int Height, int Width, byte[] RowMajor, bool IsBinary);
