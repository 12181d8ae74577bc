using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Labelport.Core.Masks;

public static partial class RleStringCodec
{
    // A token may be written non-minimally; accept up to 12 characters (60 bits) and range-check the value.
    private const int MaxAcceptedTokenLength = 12;

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
