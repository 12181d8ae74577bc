namespace Labelport.Core.Tests.Masks;

/// <summary>Obvious pixel-by-pixel implementations the tests compare the real code against.</summary>
internal static class Reference
{
    /// <summary>Row-major h×w → column-major.</summary>
    public static byte[] Transpose(byte[] rowMajor, int h, int w)
    {
        var result = new byte[rowMajor.Length];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                result[(c * h) + r] = rowMajor[(r * w) + c];
            }
        }
        return result;
    }

    public static byte[] Decode(uint[] counts, int n)
    {
        var result = new byte[n];
        var p = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            for (var j = 0; j < counts[i]; j++)
            {
                result[p++] = (byte)(i % 2);
            }
        }
        Assert.Equal(n, p);
        return result;
    }

    /// <summary>Runs of a 0/1 (or any, thresholded at &gt; 0) mask, first = zeros, as pycocotools encodes a binary mask.</summary>
    public static uint[] Runs(byte[] mask)
    {
        var runs = new List<uint>();
        var value = 0;
        uint length = 0;
        foreach (var b in mask)
        {
            var v = b != 0 ? 1 : 0;
            if (v != value)
            {
                runs.Add(length);
                length = 0;
                value = v;
            }
            length++;
        }
        runs.Add(length);
        return [.. runs];
    }

    public static string RunsString(byte[] rowMajor)
        => rowMajor.Length == 0 ? string.Empty : Labelport.Core.Masks.RleStringCodec.ToString(Runs(rowMajor));

    /// <summary>[x, y, w, h] of the set pixels of a column-major mask, zeros when none.</summary>
    public static double[] PixelBox(byte[] columnMajor, int h, int w)
    {
        int xs = int.MaxValue, ys = int.MaxValue, xe = -1, ye = -1;
        for (var c = 0; c < w; c++)
        {
            for (var r = 0; r < h; r++)
            {
                if (columnMajor[(c * h) + r] != 0)
                {
                    xs = Math.Min(xs, c);
                    xe = Math.Max(xe, c);
                    ys = Math.Min(ys, r);
                    ye = Math.Max(ye, r);
                }
            }
        }
        return xe < 0 ? [0, 0, 0, 0] : [xs, ys, xe - xs + 1, ye - ys + 1];
    }

    /// <summary>Pixel-wise OR of two column-major masks, encoded by the naive run-length.</summary>
    public static Labelport.Core.Masks.CocoRle Union(byte[] a, byte[] b, int h, int w)
        => Labelport.Core.Masks.CocoRle.FromCounts(h, w, Runs([.. a.Zip(b, (x, y) => (byte)(x | y))]));

    public static uint Area(byte[] mask) => (uint)mask.Count(b => b != 0);
}
