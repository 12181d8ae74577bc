using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Labelport.Core.Masks;

/// <summary>
/// Transpose of a byte matrix: <c>destination[c * rows + r] = source[r * cols + c]</c>. With SSE2, 16×16 tiles go
/// through registers (four rounds of byte/word/dword/qword interleaves); the edge strips and other CPUs use the
/// cache-blocked scalar loop, which is also the reference the vector path is tested against.
/// </summary>
internal static class ByteTranspose
{
    private const int Tile = 32;
    private const int VectorTile = 16;

    public static void Transpose(ReadOnlySpan<byte> source, Span<byte> destination, int rows, int cols)
    {
        CheckLengths(source, destination, rows, cols);
        if (!Sse2.IsSupported || rows < VectorTile || cols < VectorTile)
        {
            TransposeScalar(source, destination, rows, cols, 0, rows, 0, cols);
            return;
        }
        var fullRows = rows / VectorTile * VectorTile;
        var fullCols = cols / VectorTile * VectorTile;
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        for (var r0 = 0; r0 < fullRows; r0 += VectorTile)
        {
            for (var c0 = 0; c0 < fullCols; c0 += VectorTile)
            {
                TransposeTile(ref Unsafe.Add(ref from, (nint)r0 * cols + c0), cols, ref Unsafe.Add(ref to, (nint)c0 * rows + r0), rows);
            }
        }
        TransposeScalar(source, destination, rows, cols, 0, fullRows, fullCols, cols);
        TransposeScalar(source, destination, rows, cols, fullRows, rows, 0, cols);
    }

    /// <summary>The reference: cache-blocked, one byte at a time.</summary>
    internal static void TransposeScalar(ReadOnlySpan<byte> source, Span<byte> destination, int rows, int cols)
    {
        CheckLengths(source, destination, rows, cols);
        TransposeScalar(source, destination, rows, cols, 0, rows, 0, cols);
    }

    private static void CheckLengths(ReadOnlySpan<byte> source, Span<byte> destination, int rows, int cols)
    {
        var n = (long)rows * cols;
        if (source.Length < n || destination.Length < n)
        {
            throw new ArgumentException("Buffers are smaller than rows × cols.");
        }
    }

    /// <summary>Rows [rowStart, rowEnd) × columns [colStart, colEnd) of the matrix.</summary>
    private static void TransposeScalar(ReadOnlySpan<byte> source, Span<byte> destination, int rows, int cols, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        for (var r0 = rowStart; r0 < rowEnd; r0 += Tile)
        {
            var r1 = Math.Min(rowEnd, r0 + Tile);
            for (var c0 = colStart; c0 < colEnd; c0 += Tile)
            {
                var c1 = Math.Min(colEnd, c0 + Tile);
                for (var c = c0; c < c1; c++)
                {
                    var column = destination.Slice((c * rows) + r0, r1 - r0);
                    var s = (r0 * cols) + c;
                    for (var r = 0; r < column.Length; r++)
                    {
                        column[r] = source[s];
                        s += cols;
                    }
                }
            }
        }
    }

    /// <summary>
    /// One 16×16 tile: rows x0..x15 (16 bytes each, <paramref name="sourceStride"/> apart) become columns written
    /// <paramref name="destinationStride"/> apart. Each round interleaves pairs of registers at twice the width of the
    /// last, so after the byte, word, dword and qword rounds register j holds column j.
    /// </summary>
    private static void TransposeTile(ref byte source, int sourceStride, ref byte destination, int destinationStride)
    {
        Span<Vector128<byte>> x = stackalloc Vector128<byte>[VectorTile];
        for (var i = 0; i < VectorTile; i++)
        {
            x[i] = Vector128.LoadUnsafe(ref source, (nuint)((nint)i * sourceStride));
        }
        Span<Vector128<byte>> t = stackalloc Vector128<byte>[VectorTile];
        for (var k = 0; k < 8; k++)
        {
            t[2 * k] = Sse2.UnpackLow(x[2 * k], x[(2 * k) + 1]);
            t[(2 * k) + 1] = Sse2.UnpackHigh(x[2 * k], x[(2 * k) + 1]);
        }
        // Words: rows 4g..4g+3, four columns per register (u[4g + q] holds columns 4q..4q+3).
        for (var g = 0; g < 4; g++)
        {
            var b = 4 * g;
            Vector128<ushort> a0 = t[b].AsUInt16(), a1 = t[b + 1].AsUInt16(), a2 = t[b + 2].AsUInt16(), a3 = t[b + 3].AsUInt16();
            x[b] = Sse2.UnpackLow(a0, a2).AsByte();
            x[b + 1] = Sse2.UnpackHigh(a0, a2).AsByte();
            x[b + 2] = Sse2.UnpackLow(a1, a3).AsByte();
            x[b + 3] = Sse2.UnpackHigh(a1, a3).AsByte();
        }
        // Dwords: rows 8h..8h+7, two columns per register (v[8h + m] holds columns 2m, 2m+1).
        for (var h = 0; h < 2; h++)
        {
            var b = 8 * h;
            for (var q = 0; q < 4; q++)
            {
                t[b + (2 * q)] = Sse2.UnpackLow(x[b + q].AsUInt32(), x[b + 4 + q].AsUInt32()).AsByte();
                t[b + (2 * q) + 1] = Sse2.UnpackHigh(x[b + q].AsUInt32(), x[b + 4 + q].AsUInt32()).AsByte();
            }
        }
        // Qwords: rows 0..7 with rows 8..15; register 2m (2m+1) is column 2m (2m+1).
        for (var m = 0; m < 8; m++)
        {
            var low = Sse2.UnpackLow(t[m].AsUInt64(), t[m + 8].AsUInt64()).AsByte();
            var high = Sse2.UnpackHigh(t[m].AsUInt64(), t[m + 8].AsUInt64()).AsByte();
            low.StoreUnsafe(ref destination, (nuint)((nint)(2 * m) * destinationStride));
            high.StoreUnsafe(ref destination, (nuint)((nint)((2 * m) + 1) * destinationStride));
        }
    }
}
