using System.Buffers;

namespace Labelport.Core.Masks;

/// <summary>
/// Converts runs over a mask stored line by line (<c>lines</c> lines of <c>lineLength</c> pixels) into the runs of
/// the same pixels in the other order (<c>lineLength</c> lines of <c>lines</c> pixels) without materialising
/// the mask: row-major (Encord) ⇄ column-major (COCO).
/// </summary>
/// <remarks>
/// Each one-run is cut into per-line segments; a segment [a, b) of line l toggles line l at positions a and b.
/// Sweeping positions, the set of lines that are on is kept as a sorted list of boundaries (on over [b0, b1),
/// [b2, b3)...) and updated by symmetric difference with the toggles of that position; its boundaries are the
/// run boundaries of the output line. Cost O(input runs + lines + output runs), independent of h×w.
/// Zero-length runs are allowed; the output is canonical.
/// </remarks>
internal static class RunTranspose
{
    public static void Transpose(ReadOnlySpan<uint> counts, int lines, int lineLength, RunBuffer output)
    {
        var n = (long)lines * lineLength;
        output.Count = 0;
        if (lines <= 1 || lineLength <= 1)
        {
            Canonicalize(counts, n, output);
            return;
        }

        var bucketStart = ArrayPool<int>.Shared.Rent(lineLength + 1);
        int[]? events = null;
        int[]? current = null;
        int[]? next = null;
        int[]? toggles = null;
        try
        {
            var starts = bucketStart.AsSpan(0, lineLength + 1);
            starts.Clear();
            var eventCount = CollectEvents(counts, lines, lineLength, starts, null);
            var running = 0;
            for (var pos = 0; pos <= lineLength; pos++)
            {
                var count = starts[pos];
                starts[pos] = running;
                running += count;
            }
            events = ArrayPool<int>.Shared.Rent(Math.Max(eventCount, 1));
            CollectEvents(counts, lines, lineLength, starts, events);
            // CollectEvents advanced each start to the end of its bucket: bucket p is [end(p-1), end(p)).
            current = ArrayPool<int>.Shared.Rent(lines + 2);
            next = ArrayPool<int>.Shared.Rent(lines + 2);
            toggles = ArrayPool<int>.Shared.Rent(checked((lines * 2) + 2));
            Sweep(starts, events, lines, lineLength, current, next, toggles, output);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bucketStart);
            Return(events);
            Return(current);
            Return(next);
            Return(toggles);
        }
    }

    /// <summary>Removes zero-length runs (except a leading zero run) and a trailing zero; [] becomes [n].</summary>
    public static void Canonicalize(ReadOnlySpan<uint> counts, long n, RunBuffer output)
    {
        output.Count = 0;
        if (counts.IsEmpty)
        {
            output.Add((uint)n);
            return;
        }
        output.Add(counts[0]);
        var j = 1;
        while (j < counts.Length)
        {
            if (counts[j] > 0)
            {
                output.Add(counts[j++]);
            }
            else
            {
                j++;
                if (j < counts.Length)
                {
                    output.Items[output.Count - 1] += counts[j++];
                }
            }
        }
    }

    private static void Return(int[]? array)
    {
        if (array is not null)
        {
            ArrayPool<int>.Shared.Return(array);
        }
    }

    /// <summary>First call (events == null) counts events per position; second call places them.</summary>
    private static int CollectEvents(ReadOnlySpan<uint> counts, int lines, int lineLength, Span<int> starts, int[]? events)
    {
        var total = 0;
        long position = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            long length = counts[i];
            if ((i & 1) == 1 && length > 0)
            {
                var s = position;
                var e = position + length;
                var firstLine = (int)(s / lineLength);
                var lastLine = (int)((e - 1) / lineLength);
                var startPos = (int)(s - ((long)firstLine * lineLength));
                var endPos = (int)(e - ((long)lastLine * lineLength));
                Add(starts, events, startPos, firstLine, ref total);
                for (var line = firstLine + 1; line <= lastLine; line++)
                {
                    Add(starts, events, 0, line, ref total);
                }
                if (endPos < lineLength)
                {
                    Add(starts, events, endPos, lastLine, ref total);
                }
            }
            position += length;
        }
        _ = lines;
        return total;
    }

    private static void Add(Span<int> starts, int[]? events, int pos, int line, ref int total)
    {
        if (events is null)
        {
            starts[pos]++;
        }
        else
        {
            events[starts[pos]++] = line;
        }
        total++;
    }

    private static void Sweep(Span<int> ends, int[] events, int lines, int lineLength, int[] current, int[] next, int[] toggles, RunBuffer output)
    {
        var n = (long)lines * lineLength;
        var boundaryCount = 0;
        long pending = -1;
        long committed = 0;
        var bucketBegin = 0;
        for (var pos = 0; pos < lineLength; pos++)
        {
            var bucketEnd = ends[pos];
            if (bucketEnd > bucketBegin)
            {
                var toggleCount = ToggleBoundaries(events.AsSpan(bucketBegin, bucketEnd - bucketBegin), toggles);
                boundaryCount = SymmetricDifference(current.AsSpan(0, boundaryCount), toggles.AsSpan(0, toggleCount), next);
                (current, next) = (next, current);
            }
            bucketBegin = bucketEnd;
            var baseIndex = (long)pos * lines;
            for (var b = 0; b < boundaryCount; b++)
            {
                var boundary = baseIndex + current[b];
                if (boundary == pending)
                {
                    // A run reaching the bottom of one output line continues at the top of the next one.
                    pending = -1;
                    continue;
                }
                if (pending >= 0)
                {
                    output.Add((uint)(pending - committed));
                    committed = pending;
                }
                pending = boundary;
            }
        }
        if (pending >= 0 && pending != n)
        {
            output.Add((uint)(pending - committed));
            committed = pending;
        }
        output.Add((uint)(n - committed));
    }

    /// <summary>Sorted lines (duplicates cancel in pairs) → the boundaries l, l+1 of each toggled line.</summary>
    private static int ToggleBoundaries(ReadOnlySpan<int> sortedLines, int[] boundaries)
    {
        var k = 0;
        var i = 0;
        while (i < sortedLines.Length)
        {
            var line = sortedLines[i];
            var multiplicity = 0;
            while (i < sortedLines.Length && sortedLines[i] == line)
            {
                multiplicity++;
                i++;
            }
            if ((multiplicity & 1) == 1)
            {
                boundaries[k++] = line;
                boundaries[k++] = line + 1;
            }
        }
        return k;
    }

    /// <summary>Merges two sorted lists keeping values of odd total multiplicity.</summary>
    private static int SymmetricDifference(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int[] result)
    {
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length)
        {
            var value = i < a.Length && (j >= b.Length || a[i] <= b[j]) ? a[i] : b[j];
            var multiplicity = 0;
            while (i < a.Length && a[i] == value)
            {
                multiplicity++;
                i++;
            }
            while (j < b.Length && b[j] == value)
            {
                multiplicity++;
                j++;
            }
            if ((multiplicity & 1) == 1)
            {
                result[k++] = value;
            }
        }
        return k;
    }
}
