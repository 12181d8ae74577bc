using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>
/// Byte mask ⇄ column-major runs in either memory order. Row-major input/output goes through
/// <see cref="RunTranspose"/> when the mask has few runs (cheap, no h×w copy) and through a blocked byte
/// transpose otherwise.
/// </summary>
internal static class MaskLayout
{
    /// <summary>Run transpose is used when runs ≤ pixels / this (measured: it costs about 20 ns per run and column).</summary>
    private const int DirectRunRatio = 16;

    public static void EncodeColumnMajor(ReadOnlySpan<byte> mask, int height, int width, MaskOrder order, RunBuffer output)
    {
        var n = RleSize.BufferLength(height, width);
        if (mask.Length != n)
        {
            throw new ArgumentException($"Mask has {mask.Length} bytes, expected h×w = {height}×{width} = {n}.", nameof(mask));
        }
        if (order == MaskOrder.ColumnMajor || height <= 1 || width <= 1)
        {
            MaskRunEncoder.Encode(mask, output);
            return;
        }
        using (var rowRuns = new RunBuffer(1024))
        {
            if (MaskRunEncoder.TryEncode(mask, rowRuns, n / DirectRunRatio))
            {
                RunTranspose.Transpose(rowRuns.Span, height, width, output);
                return;
            }
        }
        var columnMajor = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            ByteTranspose.Transpose(mask, columnMajor, height, width);
            MaskRunEncoder.Encode(columnMajor.AsSpan(0, n), output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(columnMajor);
        }
    }

    public static void DecodeColumnMajor(ReadOnlySpan<uint> counts, int height, int width, MaskOrder order, Span<byte> destination)
    {
        var n = RleSize.BufferLength(height, width);
        if (destination.Length != n)
        {
            throw new ArgumentException($"Destination has {destination.Length} bytes, expected h×w = {height}×{width} = {n}.", nameof(destination));
        }
        if (order == MaskOrder.ColumnMajor || height <= 1 || width <= 1)
        {
            MaskRunDecoder.Decode(counts, destination);
            return;
        }
        if (counts.Length <= n / DirectRunRatio)
        {
            using var rowRuns = new RunBuffer(counts.Length + 16);
            // Column-major runs are the row-major runs of the transposed (w × h) mask: lines = columns.
            RunTranspose.Transpose(counts, width, height, rowRuns);
            MaskRunDecoder.Decode(rowRuns.Span, destination);
            return;
        }
        var columnMajor = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            MaskRunDecoder.Decode(counts, columnMajor.AsSpan(0, n));
            ByteTranspose.Transpose(columnMajor.AsSpan(0, n), destination, width, height);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(columnMajor);
        }
    }
}
