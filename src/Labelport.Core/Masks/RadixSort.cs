namespace Labelport.Core.Masks;

/// <summary>LSD radix sort of uint keys, 8 bits per pass, passes where all keys share the byte are skipped.</summary>
internal static class RadixSort
{
    public static void Sort(Span<uint> keys, Span<uint> scratch)
    {
        if (keys.Length < 128)
        {
            keys.Sort();
            return;
        }
        Span<int> histogram = stackalloc int[4 * 256];
        histogram.Clear();
        foreach (var key in keys)
        {
            histogram[(int)(key & 0xff)]++;
            histogram[256 + (int)((key >> 8) & 0xff)]++;
            histogram[512 + (int)((key >> 16) & 0xff)]++;
            histogram[768 + (int)(key >> 24)]++;
        }
        var source = keys;
        var target = scratch;
        for (var pass = 0; pass < 4; pass++)
        {
            var counts = histogram.Slice(pass * 256, 256);
            var shift = pass * 8;
            if (counts[(int)((source[0] >> shift) & 0xff)] == source.Length)
            {
                continue;
            }
            var offset = 0;
            for (var b = 0; b < 256; b++)
            {
                var count = counts[b];
                counts[b] = offset;
                offset += count;
            }
            foreach (var key in source)
            {
                target[counts[(int)((key >> shift) & 0xff)]++] = key;
            }
            var swap = source;
            source = target;
            target = swap;
        }
        if (source != keys)
        {
            source.CopyTo(keys);
        }
    }
}
