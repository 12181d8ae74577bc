using System.Text;
using CsCheck;
using Labelport.Core.Masks;

namespace Labelport.Core.Tests.Masks;

/// <summary>The vectorised counts-string decoder gives exactly what the scalar reference gives, errors included.</summary>
public sealed class RleStringDecodeTests
{
    // Mostly one-character tokens (the vector blocks), with multi-character tokens, negative deltas and bad characters.
    private static readonly Gen<string> Texts =
        Gen.Frequency(
                (40, Gen.Char['0', 'O']),
                (6, Gen.Char['P', 'o']),
                (1, Gen.Int[0, 3].Select(i => "/p z"[i])))
            .Array[0, 300]
            .Select(chars => new string(chars));

    [Fact]
    public void Vector_blocks_match_the_scalar_reference()
    {
        Gen.Select(Texts, Gen.Long[0, 4000]).Sample((text, expectedSum) =>
        {
            AssertSame(text.AsSpan(), expectedSum);
            AssertSame(Encoding.Latin1.GetBytes(text).AsSpan(), expectedSum);
        }, iter: 20_000);
    }

    [Fact]
    public void Vector_blocks_match_the_scalar_reference_on_real_masks()
    {
        RandomMasks.Masks().Sample(m =>
        {
            var text = CocoRle.Encode(m.ColumnMajor, m.H, m.W).ToCompressedString();
            for (var sum = (long)m.H * m.W - 2; sum <= (long)m.H * m.W + 1; sum++)
            {
                AssertSame(text.AsSpan(), sum);
            }
        }, iter: 2_000);
    }

    private static void AssertSame<T>(ReadOnlySpan<T> text, long expectedSum)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var slots = RleStringCodec.CountTokens(text);
        var vector = new uint[slots];
        var scalar = new uint[slots];
        var m = RleStringCodec.Decode(text, vector, expectedSum, out var vectorError);
        var n = RleStringCodec.DecodeScalar(text, scalar, expectedSum, out var scalarError);
        Assert.Equal(n, m);
        Assert.Equal(scalarError, vectorError);
        if (n >= 0)
        {
            Assert.Equal(scalar.AsSpan(0, n).ToArray(), vector.AsSpan(0, m).ToArray());
        }
    }
}
