namespace Labelport.Core.Masks;

/// <summary>Cache-blocked transpose of a byte matrix: <c>destination[c * rows + r] = source[r * cols + c]</c>.</summary>
internal static class ByteTranspose
{
    private const int Tile = 32;

    public static void Transpose(ReadOnlySpan<byte> source, Span<byte> destination, int rows, int cols)
    {
        var n = (long)rows * cols;
        if (source.Length < n || destination.Length < n)
        {
            throw new ArgumentException("Buffers are smaller than rows × cols.");
        }
        for (var r0 = 0; r0 < rows; r0 += Tile)
        {
            var r1 = Math.Min(rows, r0 + Tile);
            for (var c0 = 0; c0 < cols; c0 += Tile)
            {
                var c1 = Math.Min(cols, c0 + Tile);
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
}
