using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>A growable list of run lengths on a pooled array. Not thread-safe; dispose to return the array.</summary>
internal sealed class RunBuffer : IDisposable
{
    private uint[] _items;

    public RunBuffer(int capacity)
    {
        _items = ArrayPool<uint>.Shared.Rent(Math.Max(capacity, 16));
    }

    public int Count { get; set; }

    /// <summary>The whole rented array; callers writing directly must call <see cref="EnsureCapacity"/> first.</summary>
    public uint[] Items => _items;

    public ReadOnlySpan<uint> Span => _items.AsSpan(0, Count);

    public void Add(uint value)
    {
        if (Count == _items.Length)
        {
            Grow(Count + 1);
        }
        _items[Count++] = value;
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _items.Length)
        {
            Grow(capacity);
        }
    }

    /// <summary>The runs as an exact-size array; not zeroed first (a noise mask has a million runs: 4 MB of memset saved).</summary>
    public uint[] ToArray()
    {
        var array = GC.AllocateUninitializedArray<uint>(Count);
        Span.CopyTo(array);
        return array;
    }

    public void Dispose()
    {
        var items = _items;
        _items = [];
        Count = 0;
        if (items.Length > 0)
        {
            ArrayPool<uint>.Shared.Return(items);
        }
    }

    private void Grow(int needed)
    {
        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)needed, (long)_items.Length * 2));
        if (size < needed)
        {
            throw new MaskFormatException($"Mask has more than {Array.MaxLength} runs.");
        }
        var bigger = ArrayPool<uint>.Shared.Rent(size);
        _items.AsSpan(0, Count).CopyTo(bigger);
        ArrayPool<uint>.Shared.Return(_items);
        _items = bigger;
    }
}
