using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Labelport.Core.Masks;

/// <summary>
/// The compressed counts string of COCO RLE (pycocotools <c>rleToString</c> / <c>rleFrString</c>): 5 payload bits
/// per character in '0'..'o', 0x20 = continuation, bit 0x10 of a token's last character = sign, and from the
/// fourth count on each value is stored as the difference to the count two places back.
/// Encord's <c>rleString</c> uses the same code (over row-major runs).
/// </summary>
/// <remarks>
/// Deliberately more correct than the C code: values are decoded in 64-bit (7-character negative tokens work),
/// and every malformed input is a <see cref="MaskFormatException"/> naming the character offset.
/// </remarks>
public static class RleStringCodec
{
    /// <summary>Longest token the encoder writes: a 33-bit signed delta needs 7 characters.</summary>
    public const int MaxTokenLength = 7;

    // A token may be written non-minimally; accept up to 12 characters (60 bits) and range-check the value.
    private const int MaxAcceptedTokenLength = 12;

    /// <summary>Upper bound of the UTF-8 length of the string for <paramref name="countsLength"/> counts.</summary>
    public static int GetMaxByteCount(int countsLength) => checked(countsLength * MaxTokenLength);

    /// <summary>Writes the ASCII (= UTF-8) counts string; returns the number of bytes written.</summary>
    public static int Write(ReadOnlySpan<uint> counts, Span<byte> destination)
    {
        if (destination.Length < GetMaxByteCount(counts.Length))
        {
            return WriteChecked(counts, destination);
        }
        ref var dst = ref MemoryMarshal.GetReference(destination);
        ref var source = ref MemoryMarshal.GetReference(counts);
        nint k = 0;
        var nextVectorTry = 3;
        for (var i = 0; i < counts.Length; i++)
        {
            if (i == nextVectorTry && Vector256.IsHardwareAccelerated && i + 16 <= counts.Length)
            {
                if (TryWriteSixteenSingleCharacterTokens(ref source, i, ref Unsafe.Add(ref dst, k)))
                {
                    k += 16;
                    i += 15;
                    nextVectorTry = i + 1;
                    continue;
                }
                nextVectorTry = i + 16; // mixed tokens here: go on one by one for a while
            }
            long x = counts[i];
            if (i > 2)
            {
                x -= counts[i - 2];
            }
            if ((ulong)(x + 16) < 32)
            {
                Unsafe.Add(ref dst, k++) = (byte)((x & 0x1f) + 48);
                continue;
            }
            if ((ulong)(x + 512) < 1024)
            {
                // -512..511 outside -16..15: always exactly two characters (continuation, then 5 bits with the sign).
                Unsafe.Add(ref dst, k++) = (byte)((x & 0x1f) + 0x20 + 48);
                Unsafe.Add(ref dst, k++) = (byte)(((x >> 5) & 0x1f) + 48);
                continue;
            }
            bool more;
            do
            {
                var c = (int)(x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more)
                {
                    c |= 0x20;
                }
                Unsafe.Add(ref dst, k++) = (byte)(c + 48);
            }
            while (more);
        }
        return (int)k;
    }

    /// <summary>
    /// counts[i..i+16) whose deltas (to the count two back) are all in -16..15 are one character each
    /// ((delta &amp; 0x1f) + 48): checked and written 16 at a time. Counts below 2^31 keep the int32 delta exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryWriteSixteenSingleCharacterTokens(ref uint counts, int i, ref byte destination)
    {
        var a0 = Vector256.LoadUnsafe(ref counts, (nuint)i).AsInt32();
        var a1 = Vector256.LoadUnsafe(ref counts, (nuint)(i + 8)).AsInt32();
        var b0 = Vector256.LoadUnsafe(ref counts, (nuint)(i - 2)).AsInt32();
        var b1 = Vector256.LoadUnsafe(ref counts, (nuint)(i + 6)).AsInt32();
        var d0 = a0 - b0;
        var d1 = a1 - b1;
        var sixteen = Vector256.Create(16);
        var inRange = Vector256.LessThanAll((d0 + sixteen).AsUInt32(), Vector256.Create(32u))
            & Vector256.LessThanAll((d1 + sixteen).AsUInt32(), Vector256.Create(32u))
            & Vector256.GreaterThanOrEqualAll(a0 | a1 | b0 | b1, Vector256<int>.Zero);
        if (!inRange)
        {
            return false;
        }
        var mask = Vector256.Create(0x1f);
        var zero = Vector256.Create(48);
        var shorts = Vector256.Narrow((d0 & mask) + zero, (d1 & mask) + zero);
        Vector256.Narrow(shorts, shorts).GetLower().AsByte().StoreUnsafe(ref destination);
        return true;
    }

    private static int WriteChecked(ReadOnlySpan<uint> counts, Span<byte> destination)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(GetMaxByteCount(counts.Length));
        try
        {
            var length = Write(counts, buffer);
            if (length > destination.Length)
            {
                throw new ArgumentException($"Destination has {destination.Length} bytes; the counts string needs {length}.", nameof(destination));
            }
            buffer.AsSpan(0, length).CopyTo(destination);
            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Same as <see cref="Write"/> (name kept for callers of the first port).</summary>
    public static int Encode(ReadOnlySpan<uint> counts, Span<byte> destination) => Write(counts, destination);

    /// <summary>The counts string as a .NET string (pycocotools <c>rleToString</c>).</summary>
    public static string Encode(ReadOnlySpan<uint> counts) => ToString(counts);

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

    /// <summary>The counts string as a .NET string.</summary>
    public static string ToString(ReadOnlySpan<uint> counts)
    {
        if (counts.IsEmpty)
        {
            return string.Empty;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(GetMaxByteCount(counts.Length));
        try
        {
            var length = Write(counts, buffer);
            return Encoding.Latin1.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

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
        if (!RleSize.TryGetPixelCount(height, width, out var pixels, out error))
        {
            return false;
        }
        destination.EnsureCapacity(CountTokens(text));
        var written = Decode(text, destination.Items, pixels, out error);
        if (written < 0)
        {
            error = WithSize(error, height, width, pixels);
            return false;
        }
        destination.Count = written;
        return true;
    }

    private static string WithSize(string error, int height, int width, long pixels)
        => error.Replace($"h×w = {pixels}", $"h×w = {height}×{width} = {pixels}", StringComparison.Ordinal);

    /// <summary>
    /// Decodes into <paramref name="destination"/> (at least one slot per token). Returns the number of counts,
    /// or -1 with <paramref name="error"/> set. The counts must sum to <paramref name="expectedSum"/>.
    /// </summary>
    internal static int Decode<T>(ReadOnlySpan<T> text, Span<uint> destination, long expectedSum, out string error)
        where T : unmanaged, IBinaryInteger<T>
        => Decode(text, destination, expectedSum, Vector128.IsHardwareAccelerated, out error);

    /// <summary>The scalar reference of <see cref="Decode{T}(ReadOnlySpan{T}, Span{uint}, long, out string)"/> (same results, one token at a time).</summary>
    internal static int DecodeScalar<T>(ReadOnlySpan<T> text, Span<uint> destination, long expectedSum, out string error)
        where T : unmanaged, IBinaryInteger<T>
        => Decode(text, destination, expectedSum, vectorBlocks: false, out error);

    private static int Decode<T>(ReadOnlySpan<T> text, Span<uint> destination, long expectedSum, bool vectorBlocks, out string error)
        where T : unmanaged, IBinaryInteger<T>
    {
        error = string.Empty;
        var m = 0;
        long sum = 0;
        var p = 0;
        while (p < text.Length)
        {
            if (m > 2 && p + 16 <= text.Length && SixteenSingleCharacterTokens(text, p))
            {
                if (vectorBlocks && m + 16 <= destination.Length && TryDecodeSixteenDeltas(text, p, destination, m, expectedSum - sum, out var blockSum))
                {
                    sum += blockSum;
                    m += 16;
                    p += 16;
                    continue;
                }
                // Scalar reference for the block (also finds the exact token of an error the vector path saw).
                for (var q = 0; q < 16; q++, p++)
                {
                    var delta = ((long)(int.CreateTruncating(text[p]) - 48) << 59) >> 59;
                    var value = delta + destination[m - 2];
                    if ((ulong)value > uint.MaxValue)
                    {
                        error = $"Count #{m} (token at character {p}) is {value}, outside 0..{uint.MaxValue}.";
                        return -1;
                    }
                    sum += value;
                    if (sum > expectedSum)
                    {
                        error = $"Counts run past the mask: after count #{m} (token at character {p}) they cover {sum} pixels, but h×w = {expectedSum}.";
                        return -1;
                    }
                    destination[m++] = (uint)value;
                }
                continue;
            }
            var tokenStart = p;
            var c = int.CreateTruncating(text[p++]) - 48;
            if ((uint)c > 63)
            {
                error = InvalidCharacter(text, tokenStart);
                return -1;
            }
            long x;
            if (c < 32)
            {
                x = (long)c << 59 >> 59;
            }
            else
            {
                x = c & 0x1f;
                var shift = 5;
                while (true)
                {
                    if (p == text.Length)
                    {
                        error = $"Counts string ends inside a token: the token starting at character {tokenStart} has its continuation bit set on its last character.";
                        return -1;
                    }
                    c = int.CreateTruncating(text[p++]) - 48;
                    if ((uint)c > 63)
                    {
                        error = InvalidCharacter(text, p - 1);
                        return -1;
                    }
                    x |= (long)(c & 0x1f) << shift;
                    shift += 5;
                    if ((c & 0x20) == 0)
                    {
                        if ((c & 0x10) != 0)
                        {
                            x |= -1L << shift;
                        }
                        break;
                    }
                    if (shift >= MaxAcceptedTokenLength * 5)
                    {
                        error = $"Counts string token at character {tokenStart} is too long: more than {MaxAcceptedTokenLength} characters (value overflow).";
                        return -1;
                    }
                }
            }
            if (m > 2)
            {
                x += destination[m - 2];
            }
            if ((ulong)x > uint.MaxValue)
            {
                error = $"Count #{m} (token at character {tokenStart}) is {x}, outside 0..{uint.MaxValue}.";
                return -1;
            }
            sum += x;
            if (sum > expectedSum)
            {
                error = $"Counts run past the mask: after count #{m} (token at character {tokenStart}) they cover {sum} pixels, but h×w = {expectedSum}.";
                return -1;
            }
            destination[m++] = (uint)x;
        }
        if (sum != expectedSum && expectedSum != NoSizeCheck)
        {
            error = $"Counts sum to {sum} pixels, but h×w = {expectedSum}.";
            return -1;
        }
        return m;
    }

    /// <summary>
    /// 16 one-character tokens (already checked to be in '0'..'O') as deltas to the count two back: the values are two
    /// interleaved prefix sums, four lanes at a time. Declines (false, nothing counted) when a carried count is large
    /// (int32 lanes), a value would be negative or the block would run past <paramref name="remaining"/> pixels; the
    /// caller then decodes the block with the scalar loop, which reports the error at its exact token.
    /// </summary>
    private static bool TryDecodeSixteenDeltas<T>(ReadOnlySpan<T> text, int p, Span<uint> destination, int m, long remaining, out long blockSum)
        where T : unmanaged, IBinaryInteger<T>
    {
        blockSum = 0;
        const uint MaxCarry = 1u << 24; // 16 values < 2^24 + 256 sum without int32 overflow
        ref var output = ref MemoryMarshal.GetReference(destination);
        var previous2 = Unsafe.Add(ref output, m - 2);
        var previous1 = Unsafe.Add(ref output, m - 1);
        if ((previous2 | previous1) >= MaxCarry)
        {
            return false;
        }
        Vector128<int> d0, d1, d2, d3;
        if (typeof(T) == typeof(ushort))
        {
            var chars = Vector256.LoadUnsafe(ref Unsafe.As<T, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)p).AsInt16();
            // '0'..'O' → 0..31 → sign-extended 5-bit delta -16..15
            var deltas = Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(chars - Vector256.Create((short)48), 11), 11);
            var (low, high) = Vector256.Widen(deltas);
            (d0, d1, d2, d3) = (low.GetLower(), low.GetUpper(), high.GetLower(), high.GetUpper());
        }
        else if (typeof(T) == typeof(byte))
        {
            var bytes = Vector128.LoadUnsafe(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(text)), (nuint)p).AsSByte();
            var deltas = Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(bytes - Vector128.Create((sbyte)48), 3), 3);
            var (low, high) = Vector128.Widen(deltas);
            var (w0, w1) = Vector128.Widen(low);
            var (w2, w3) = Vector128.Widen(high);
            (d0, d1, d2, d3) = (w0, w1, w2, w3);
        }
        else
        {
            return false;
        }
        // value[j] = delta[j] + value[j - 2]: within four lanes that is d + (0, 0, d0, d1), plus the two carried values.
        var upperHalf = Vector128.Create(0, 0, -1, -1);
        var carry = Vector128.Create((int)previous2, (int)previous1, (int)previous2, (int)previous1);
        var v0 = d0 + (Vector128.Shuffle(d0, Vector128.Create(0, 0, 0, 1)) & upperHalf) + carry;
        carry = Vector128.Shuffle(v0, Vector128.Create(2, 3, 2, 3));
        var v1 = d1 + (Vector128.Shuffle(d1, Vector128.Create(0, 0, 0, 1)) & upperHalf) + carry;
        carry = Vector128.Shuffle(v1, Vector128.Create(2, 3, 2, 3));
        var v2 = d2 + (Vector128.Shuffle(d2, Vector128.Create(0, 0, 0, 1)) & upperHalf) + carry;
        carry = Vector128.Shuffle(v2, Vector128.Create(2, 3, 2, 3));
        var v3 = d3 + (Vector128.Shuffle(d3, Vector128.Create(0, 0, 0, 1)) & upperHalf) + carry;
        if (Vector128.LessThanAny(v0 | v1 | v2 | v3, Vector128<int>.Zero))
        {
            return false;
        }
        long total = Vector128.Sum(v0 + v1 + v2 + v3);
        if (total > remaining)
        {
            return false;
        }
        ref var block = ref Unsafe.Add(ref output, m);
        v0.AsUInt32().StoreUnsafe(ref block);
        v1.AsUInt32().StoreUnsafe(ref block, 4);
        v2.AsUInt32().StoreUnsafe(ref block, 8);
        v3.AsUInt32().StoreUnsafe(ref block, 12);
        blockSum = total;
        return true;
    }

    /// <summary>True when text[p..p+16) are all in '0'..'O' (single-character tokens).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SixteenSingleCharacterTokens<T>(ReadOnlySpan<T> text, int p)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(ushort) && Vector256.IsHardwareAccelerated)
        {
            var v = Vector256.LoadUnsafe(ref Unsafe.As<T, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)p);
            return Vector256.LessThanAll(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)32));
        }
        if (typeof(T) == typeof(byte) && Vector128.IsHardwareAccelerated)
        {
            var v = Vector128.LoadUnsafe(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(text)), (nuint)p);
            return Vector128.LessThanAll(v - Vector128.Create((byte)'0'), Vector128.Create((byte)32));
        }
        return false;
    }

    /// <summary>Number of tokens = characters without the continuation bit (value &lt; 'P'); vectorised.</summary>
    internal static int CountTokens<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (typeof(T) == typeof(byte))
        {
            return CountBelow(MemoryMarshal.Cast<T, byte>(text), (byte)'P');
        }
        var n = 0;
        var start = 0;
        if (typeof(T) == typeof(ushort) && Vector256.IsHardwareAccelerated)
        {
            var chars = MemoryMarshal.Cast<T, ushort>(text);
            ref var first = ref MemoryMarshal.GetReference(chars);
            var p = Vector256.Create((ushort)'P');
            var o = Vector256.Create((ushort)'o');
            for (; start <= chars.Length - 16; start += 16)
            {
                var v = Vector256.LoadUnsafe(ref first, (nuint)start);
                n += BitOperations.PopCount((Vector256.LessThan(v, p) | Vector256.GreaterThan(v, o)).ExtractMostSignificantBits());
            }
        }
        foreach (var ch in text[start..])
        {
            // Characters above 'o' are errors Decode reports; counting them as token ends only over-allocates.
            if (ushort.CreateTruncating(ch) is < (ushort)'P' or > (ushort)'o')
            {
                n++;
            }
        }
        return n;
    }

    private static int CountBelow(ReadOnlySpan<byte> bytes, byte limit)
    {
        var n = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && bytes.Length >= 32)
        {
            var lim = Vector256.Create(limit);
            ref var start = ref MemoryMarshal.GetReference(bytes);
            for (; i <= bytes.Length - 32; i += 32)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                n += BitOperations.PopCount(Vector256.LessThan(v, lim).ExtractMostSignificantBits());
            }
        }
        for (; i < bytes.Length; i++)
        {
            if (bytes[i] < limit || bytes[i] > (byte)'o')
            {
                n++;
            }
        }
        // Bytes above 'o' inside the vector part were not counted; Decode stops with an error on them before
        // it needs a slot for a later token, so the count is still an upper bound for what gets written.
        return n;
    }

    private static string InvalidCharacter<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T>
    {
        var code = int.CreateTruncating(text[index]);
        var shown = code is >= 32 and < 127 ? $"'{(char)code}' " : string.Empty;
        return $"Invalid character {shown}(U+{code:X4}) at character {index} of the counts string (allowed: '0'..'o').";
    }
}
