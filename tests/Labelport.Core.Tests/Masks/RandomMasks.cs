using CsCheck;

namespace Labelport.Core.Tests.Masks;

/// <summary>CsCheck generators of masks (column-major bytes) of several textures.</summary>
internal static class RandomMasks
{
    public sealed record Mask(int H, int W, byte[] ColumnMajor)
    {
        public byte[] RowMajor()
        {
            var result = new byte[ColumnMajor.Length];
            for (var c = 0; c < W; c++)
            {
                for (var r = 0; r < H; r++)
                {
                    result[(r * W) + c] = ColumnMajor[(c * H) + r];
                }
            }
            return result;
        }

        public byte[] Binary() => [.. ColumnMajor.Select(b => b != 0 ? (byte)1 : (byte)0)];

        public override string ToString() => $"{H}x{W} [{string.Join(",", ColumnMajor.Take(200))}]";
    }

    public static Gen<Mask> Masks(int maxSide = 70) =>
        from h in Gen.Int[0, maxSide]
        from w in Gen.Int[0, maxSide]
        from texture in Gen.Int[0, 6]
        from seed in Gen.Int
        select Make(h, w, texture, seed);

    /// <summary>Two or more masks of one size.</summary>
    public static Gen<Mask[]> SameSize(int count) =>
        from h in Gen.Int[1, 48]
        from w in Gen.Int[1, 48]
        from textures in Gen.Int[0, 6].Array[count]
        from seed in Gen.Int
        select textures.Select((t, i) => Make(h, w, t, seed + i)).ToArray();

    public static Mask Make(int h, int w, int texture, int seed)
    {
        var random = new Random(seed);
        var n = h * w;
        var mask = new byte[n];
        switch (texture)
        {
            case 0: Noise(random, mask, 0.5); break;
            case 1: Noise(random, mask, 0.03); break;
            case 2: Noise(random, mask, 0.97); break;
            case 3:
                for (var k = random.Next(4); k >= 0; k--)
                {
                    int c0 = random.Next(w + 1), c1 = random.Next(w + 1), r0 = random.Next(h + 1), r1 = random.Next(h + 1);
                    for (var c = Math.Min(c0, c1); c < Math.Max(c0, c1); c++)
                    {
                        for (var r = Math.Min(r0, r1); r < Math.Max(r0, r1); r++)
                        {
                            mask[(c * h) + r] = 1;
                        }
                    }
                }
                break;
            case 4: Array.Fill(mask, (byte)random.Next(2)); break;
            case 5:
                // long runs crossing column boundaries
                for (var i = 0; i < n;)
                {
                    var length = random.Next(1, (2 * h) + 2);
                    var value = (byte)random.Next(2);
                    for (var j = 0; j < length && i < n; j++)
                    {
                        mask[i++] = value;
                    }
                }
                break;
            default:
                // raw bytes: foreground is any non-zero value
                for (var i = 0; i < n; i++)
                {
                    mask[i] = random.Next(3) == 0 ? (byte)0 : (byte)random.Next(1, 256);
                }
                break;
        }
        return new Mask(h, w, mask);
    }

    private static void Noise(Random random, byte[] mask, double p)
    {
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextDouble() < p ? (byte)1 : (byte)0;
        }
    }
}
