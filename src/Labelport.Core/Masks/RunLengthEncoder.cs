using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>
/// Run-length encoding of byte masks, pycocotools' <c>rleEncode</c> case for case: runs alternate starting with
/// zeros, and a new run starts whenever the byte value changes (so non-0/1 bytes behave as in C). The fast path finds
/// run ends with the BCL's vectorised <see cref="MemoryExtensions.IndexOfAnyExcept{T}(ReadOnlySpan{T}, T)"/>; the
/// scalar path is the reference it is tested against.
/// </summary>
public static class RunLengthEncoder
{
    public static uint[] Encode(ReadOnlySpan<byte> pixels)
    {
        var builder = new CountsBuilder(64);
        try
        {
            byte value = 0;
            var position = 0;
            while (position < pixels.Length)
            {
                var run = pixels[position..].IndexOfAnyExcept(value);
                if (run < 0)
                {
                    run = pixels.Length - position;
                }
                builder.Add((uint)run);
                position += run;
                if (position < pixels.Length)
                {
                    value = pixels[position];
                }
            }
            if (pixels.IsEmpty)
            {
                builder.Add(0);
            }
            return builder.ToArray();
        }
        finally
        {
            builder.Dispose();
        }
    }

    /// <summary>The byte-at-a-time reference (as in <c>maskApi.c</c>).</summary>
    public static uint[] EncodeScalar(ReadOnlySpan<byte> pixels)
    {
        var counts = new List<uint>();
        byte previous = 0;
        uint run = 0;
        foreach (var pixel in pixels)
        {
            if (pixel != previous)
            {
                counts.Add(run);
                run = 0;
                previous = pixel;
            }
            run++;
        }
        counts.Add(run);
        return [.. counts];
    }

    /// <summary>Expands counts into 0/1 bytes; returns false when they do not sum to the destination's length.</summary>
    public static bool TryDecode(ReadOnlySpan<uint> counts, Span<byte> destination)
    {
        var position = 0L;
        byte value = 0;
        foreach (var count in counts)
        {
            if (position + count > destination.Length)
            {
                return false;
            }
            destination.Slice((int)position, (int)count).Fill(value);
            position += count;
            value ^= 1;
        }
        return position == destination.Length;
    }

    /// <summary>Transposes an h×w row-major mask into column-major order (or back, swapping h and w), in cache-sized blocks.</summary>
    public static void Transpose(ReadOnlySpan<byte> source, Span<byte> destination, int rows, int columns)
    {
        const int block = 32;
        for (var r0 = 0; r0 < rows; r0 += block)
        {
            var r1 = Math.Min(r0 + block, rows);
            for (var c0 = 0; c0 < columns; c0 += block)
            {
                var c1 = Math.Min(c0 + block, columns);
                for (var r = r0; r < r1; r++)
                {
                    var row = source.Slice(r * columns, columns);
                    for (var c = c0; c < c1; c++)
                    {
                        destination[(c * rows) + r] = row[c];
                    }
                }
            }
        }
    }

    /// <summary>A growable pooled list of counts: no allocation per run.</summary>
    internal struct CountsBuilder(int capacity) : IDisposable
    {
        private uint[] _items = ArrayPool<uint>.Shared.Rent(capacity);

        public int Count { get; private set; }

        public readonly ReadOnlySpan<uint> Span => _items.AsSpan(0, Count);

        public void Add(uint value)
        {
            if (Count == _items.Length)
            {
                var bigger = ArrayPool<uint>.Shared.Rent(_items.Length * 2);
                _items.AsSpan(0, Count).CopyTo(bigger);
                ArrayPool<uint>.Shared.Return(_items);
                _items = bigger;
            }
            _items[Count++] = value;
        }

        public ref uint Last => ref _items[Count - 1];

        public readonly uint[] ToArray() => _items.AsSpan(0, Count).ToArray();

        public void Dispose()
        {
            if (_items.Length > 0)
            {
                ArrayPool<uint>.Shared.Return(_items);
                _items = [];
            }
        }
    }
}
