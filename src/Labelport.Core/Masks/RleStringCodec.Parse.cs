using System.Numerics;
using System.Runtime.InteropServices;

namespace Labelport.Core.Masks;

public static partial class RleStringCodec
{
    /// <summary>Decodes counts without a size check (the caller validates the sum).</summary>
    /// <exception cref="MaskFormatException">Malformed string.</exception>
    public static uint[] Decode(ReadOnlySpan<char> text)
        => TryParseCounts(MemoryMarshal.Cast<char, ushort>(text), NoSizeCheck, out var counts, out var error) ? counts : throw new MaskFormatException(error);

    /// <summary>Decodes counts without a size check, appending them to <paramref name="counts"/>.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, List<uint> counts, out string? error)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!TryParseCounts(MemoryMarshal.Cast<char, ushort>(text), NoSizeCheck, out var parsed, out var message))
        {
            error = message;
            return false;
        }
        counts.AddRange(parsed);
        error = null;
        return true;
    }

    /// <summary>Validates the string and returns the sum of its counts (for size checks without keeping the counts).</summary>
    public static bool TrySumCounts(ReadOnlySpan<char> text, out long sum, out string? error)
    {
        sum = 0;
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        using var counts = new RunBuffer(CountTokens(chars)); // pooled: the validator sees every mask of an import
        var written = Decode(chars, counts.Items, NoSizeCheck, out var message);
        if (written < 0)
        {
            error = message;
            return false;
        }
        foreach (var count in counts.Items.AsSpan(0, written))
        {
            sum += count;
        }
        error = null;
        return true;
    }

    private const long NoSizeCheck = long.MaxValue;
    /// <summary>Decodes a counts string that must describe exactly <paramref name="height"/>×<paramref name="width"/> pixels.</summary>
    /// <exception cref="MaskFormatException">The string is malformed or its counts do not sum to h×w.</exception>
    public static uint[] Parse(ReadOnlySpan<char> text, int height, int width)
        => TryParse(text, height, width, out var counts, out var error) ? counts : throw new MaskFormatException(error);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char}, int, int)"/>
    public static uint[] Parse(ReadOnlySpan<byte> utf8, int height, int width)
        => TryParse(utf8, height, width, out var counts, out var error) ? counts : throw new MaskFormatException(error);

    public static bool TryParse(ReadOnlySpan<char> text, int height, int width, out uint[] counts, out string error)
        => TryParseCore(MemoryMarshal.Cast<char, ushort>(text), height, width, out counts, out error);

    public static bool TryParse(ReadOnlySpan<byte> utf8, int height, int width, out uint[] counts, out string error)
        => TryParseCore(utf8, height, width, out counts, out error);

    /// <summary>
    /// Number of counts in the string: the length <see cref="TryParse(ReadOnlySpan{char}, int, int, Span{uint}, out int, out string)"/>
    /// needs (for a malformed string: enough room for the parser to reach the error and report it).
    /// </summary>
    public static int GetCountsLength(ReadOnlySpan<char> text) => CountTokens(MemoryMarshal.Cast<char, ushort>(text));

    /// <inheritdoc cref="GetCountsLength(ReadOnlySpan{char})"/>
    public static int GetCountsLength(ReadOnlySpan<byte> utf8) => CountTokens(utf8);

    /// <summary>
    /// Decodes a counts string of an h×w mask into caller-owned memory (no allocation): the counts are
    /// <c>destination[..written]</c>. False with <paramref name="error"/> for a malformed string or a wrong sum.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="GetCountsLength(ReadOnlySpan{char})"/>.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, int height, int width, Span<uint> destination, out int written, out string error)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        return TryParseCore(chars, height, width, destination, CountTokens(chars), out written, out error);
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, int, int, Span{uint}, out int, out string)"/>
    public static bool TryParse(ReadOnlySpan<byte> utf8, int height, int width, Span<uint> destination, out int written, out string error)
        => TryParseCore(utf8, height, width, destination, CountTokens(utf8), out written, out error);

    private static bool TryParseCore<T>(ReadOnlySpan<T> text, int height, int width, Span<uint> destination, int needed, out int written, out string error)
        where T : unmanaged, IBinaryInteger<T>
    {
        written = 0;
        if (destination.Length < needed)
        {
            throw new ArgumentException($"Destination has {destination.Length} slots; the string has {needed} counts.", nameof(destination));
        }
        if (!RleSize.TryGetPixelCount(height, width, out var pixels, out error))
        {
            return false;
        }
        var count = Decode(text, destination, pixels, out error);
        if (count < 0)
        {
            error = WithSize(error, height, width, pixels);
            return false;
        }
        written = count;
        return true;
    }

    /// <summary>Decodes tokens without any size check (counts as written); for callers that validate themselves.</summary>
    internal static bool TryParseCounts<T>(ReadOnlySpan<T> text, long expectedSum, out uint[] counts, out string error)
        where T : unmanaged, IBinaryInteger<T>
    {
        // Every slot is written before it is read (or the array is dropped on error): no need to zero 4 bytes a token.
        counts = GC.AllocateUninitializedArray<uint>(CountTokens(text));
        var written = Decode(text, counts, expectedSum, out error);
        if (written < 0)
        {
            counts = [];
            return false;
        }
        if (written != counts.Length)
        {
            // Characters below '0' are counted as token ends but are errors; a valid string never gets here.
            counts = counts.AsSpan(0, written).ToArray();
        }
        return true;
    }

    private static bool TryParseCore<T>(ReadOnlySpan<T> text, int height, int width, out uint[] counts, out string error)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (!RleSize.TryGetPixelCount(height, width, out var pixels, out error))
        {
            counts = [];
            return false;
        }
        if (TryParseCounts(text, pixels, out counts, out error))
        {
            return true;
        }
        error = WithSize(error, height, width, pixels);
        return false;
    }

    /// <summary>
    /// <see cref="TryParse(ReadOnlySpan{char}, int, int, out uint[], out string)"/> into a pooled buffer instead of a
    /// new array (the COCO export path: a noisy 1080p mask would otherwise allocate 4 MB per annotation).
    /// </summary>
    internal static bool TryParse(ReadOnlySpan<char> text, int height, int width, RunBuffer destination, out string error)
        => TryParseCore(MemoryMarshal.Cast<char, ushort>(text), height, width, destination, out error);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, int, int, RunBuffer, out string)"/>
    internal static bool TryParse(ReadOnlySpan<byte> utf8, int height, int width, RunBuffer destination, out string error)
        => TryParseCore(utf8, height, width, destination, out error);

    // T is ushort or byte only: the vector paths test typeof(T), and char would silently take the scalar path.
    private static bool TryParseCore<T>(ReadOnlySpan<T> text, int height, int width, RunBuffer destination, out string error)
        where T : unmanaged, IBinaryInteger<T>
    {
        destination.Count = 0;
        var tokens = CountTokens(text);
        destination.EnsureCapacity(tokens);
        var parsed = TryParseCore(text, height, width, destination.Items, tokens, out var written, out error);
        destination.Count = written;
        return parsed;
    }

    private static string WithSize(string error, int height, int width, long pixels)
        => error.Replace($"h×w = {pixels}", $"h×w = {height}×{width} = {pixels}", StringComparison.Ordinal);

}
