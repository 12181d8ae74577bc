using CsCheck;
using Labelport.Core.Masks;

namespace Labelport.Core.Tests.Masks;

/// <summary>Bad counts strings and counts give MaskFormatException with a useful message; nothing else, no hang.</summary>
public sealed class MalformedRleTests
{
    [Theory]
    [InlineData("23 1N", 7, 1, "Invalid character ' ' (U+0020) at character 2")]
    [InlineData("231p", 7, 1, "Invalid character 'p' (U+0070) at character 3")]
    [InlineData("2/31", 7, 1, "Invalid character '/' (U+002F) at character 1")]
    [InlineData("23é", 7, 1, "Invalid character (U+00E9) at character 2")]
    [InlineData("P", 7, 1, "ends inside a token")]
    [InlineData("231P", 7, 1, "ends inside a token")]
    [InlineData("PPPPPPPPPPPP0", 7, 1, "too long: more than 12 characters")]
    [InlineData("231K", 7, 1, "Count #3 (token at character 3) is -2, outside 0..4294967295")]
    [InlineData("2312", 7, 1, "Counts run past the mask")]
    [InlineData("23", 7, 1, "Counts sum to 5 pixels, but h×w = 7×1 = 7")]
    [InlineData("", 7, 1, "Counts sum to 0 pixels")]
    [InlineData("ooooooo3", 1, 1, "outside 0..4294967295")]
    [InlineData("0", -1, 3, "must not be negative")]
    [InlineData("0", 70000, 70000, "more than 4294967295 pixels")]
    public void Malformed_strings_say_where_and_what(string text, int h, int w, string message)
    {
        var error = Assert.Throws<MaskFormatException>(() => CocoRle.FromCompressedString(text, h, w));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(CocoRle.TryFromCompressedString(text, h, w, out var rle, out var tryError));
        Assert.Null(rle);
        Assert.Equal(error.Message, tryError);
        Assert.Throws<MaskFormatException>(() => EncordBitmask.ToCoco(text, h, w));
        using var pooled = new RunBuffer(4);
        Assert.False(EncordBitmask.TryToCocoRuns(text, h, w, pooled, out var pooledError));
        Assert.Equal(error.Message, pooledError);
        var counts = new uint[RleStringCodec.GetCountsLength(text)];
        Assert.False(RleStringCodec.TryParse(text, h, w, counts, out var written, out var spanError));
        Assert.Equal(0, written);
        Assert.Equal(error.Message, spanError);
    }

    [Fact]
    public void Parsing_into_a_destination_shorter_than_the_token_count_is_an_argument_error()
    {
        var text = CocoRle.FromCounts(1, 7, [2, 3, 2]).ToCompressedString();
        var error = Assert.Throws<ArgumentException>(() => RleStringCodec.TryParse(text, 1, 7, new uint[2], out _, out _));
        Assert.Contains("Destination has 2 slots; the string has 3 counts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seven_character_negative_tokens_decode_in_64_bit()
    {
        // 3,000,000,000 then a delta of -2,999,999,990 (a 7-char negative token, wrong in the C decoder).
        uint[] counts = [0, 3_000_000_000, 5, 10, 1_294_967_280];
        var text = RleStringCodec.ToString(counts);
        Assert.Equal(counts, RleStringCodec.Parse(text, 3, 1_431_655_765)); // 3 × 1431655765 = 2^32 - 1 pixels
        Assert.True(text.Length > 14);
    }

    [Fact]
    public void Counts_not_summing_to_h_times_w_are_rejected()
    {
        var error = Assert.Throws<MaskFormatException>(() => CocoRle.FromCounts(2, 2, [1, 2]));
        Assert.Equal("Counts sum to 3 pixels, but h×w = 2×2 = 4.", error.Message);
        Assert.Throws<MaskFormatException>(() => CocoRle.FromCounts(2, 2, [uint.MaxValue, 5]));
        Assert.False(CocoRle.TryFromCounts(2, 2, [5], out _, out _));
    }

    [Fact]
    public void Random_garbage_gives_a_domain_error_or_a_valid_mask_never_anything_else()
    {
        var text = Gen.Char[(char)32, (char)130].Array[0, 40].Select(chars => new string(chars));
        Gen.Select(text, Gen.Int[0, 30], Gen.Int[0, 30]).Sample((s, h, w) => Check(s, h, w), iter: 20000);
    }

    [Fact]
    public void Mutated_and_truncated_valid_strings_give_a_domain_error_or_a_valid_mask()
    {
        var gen = from m in RandomMasks.Masks(40)
                  from cut in Gen.Int[0, 1000]
                  from position in Gen.Int[0, 1000]
                  from replacement in Gen.Char[(char)40, (char)120]
                  select (m, cut, position, replacement);
        gen.Sample(t =>
        {
            var valid = CocoRle.Encode(t.m.ColumnMajor, t.m.H, t.m.W).ToCompressedString();
            Check(valid[..Math.Min(valid.Length, t.cut % (valid.Length + 1))], t.m.H, t.m.W);
            if (valid.Length > 0)
            {
                var chars = valid.ToCharArray();
                chars[t.position % chars.Length] = t.replacement;
                Check(new string(chars), t.m.H, t.m.W);
            }
        }, iter: 5000);
    }

    private static void Check(string text, int h, int w)
    {
        try
        {
            var rle = CocoRle.FromCompressedString(text, h, w);
            Assert.Equal((long)h * w, rle.Counts.ToArray().Sum(c => (long)c));
            Assert.Equal(rle.PixelCount, rle.Decode().Length);
            _ = rle.BoundingBox;
            _ = EncordBitmask.FromCoco(rle);
        }
        catch (MaskFormatException)
        {
            // the documented error
        }
    }
}
