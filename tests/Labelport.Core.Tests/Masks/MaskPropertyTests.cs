using CsCheck;
using Labelport.Core.Masks;

namespace Labelport.Core.Tests.Masks;

/// <summary>Properties on random masks: fast paths = scalar reference = pixel semantics.</summary>
public sealed class MaskPropertyTests
{
    [Fact]
    public void Random_masks_round_trip_through_encode_decode_and_string_in_both_orders()
    {
        RandomMasks.Masks().Sample(m =>
        {
            var binary = m.Binary();
            var rowMajor = m.RowMajor();
            var expected = Reference.Runs(m.ColumnMajor);

            var rle = CocoRle.Encode(m.ColumnMajor, m.H, m.W);
            Assert.Equal(expected, rle.Counts.ToArray());
            Assert.Equal(rle, CocoRle.Encode(rowMajor, m.H, m.W, MaskOrder.RowMajor));
            Assert.Equal(binary, rle.Decode());
            Assert.Equal(Reference.Transpose(binary, m.W, m.H), rle.Decode(MaskOrder.RowMajor));
            Assert.Equal(rle, CocoRle.FromCompressedString(rle.ToCompressedString(), m.H, m.W));
            var utf8 = new byte[rle.GetMaxCompressedByteCount()];
            var length = rle.WriteCompressed(utf8);
            Assert.Equal(rle, CocoRle.FromCompressedString(utf8.AsSpan(0, length), m.H, m.W));

            // The allocation-free forms give the same counts.
            var counts = new uint[rle.Counts.Length + 3];
            Assert.True(CocoRle.TryEncode(rowMajor, m.H, m.W, counts, out var encoded, MaskOrder.RowMajor));
            Assert.Equal(expected, counts[..encoded]);
            Assert.False(CocoRle.TryEncode(m.ColumnMajor, m.H, m.W, counts.AsSpan(0, rle.Counts.Length - 1), out encoded));
            Assert.Equal(0, encoded);
            var text = rle.ToCompressedString();
            Assert.Equal(rle.Counts.Length, RleStringCodec.GetCountsLength(text));
            Assert.Equal(rle.Counts.Length, RleStringCodec.GetCountsLength(utf8.AsSpan(0, length)));
            Array.Clear(counts);
            Assert.True(RleStringCodec.TryParse(text, m.H, m.W, counts, out var parsed, out _));
            Assert.Equal(expected, counts[..parsed]);
            Assert.True(RleStringCodec.TryParse(utf8.AsSpan(0, length), m.H, m.W, counts, out parsed, out _));
            Assert.Equal(expected, counts[..parsed]);
        }, iter: 3000);
    }

    [Fact]
    public void Fast_encoders_and_decoder_agree_with_the_scalar_reference()
    {
        RandomMasks.Masks(300).Sample(m =>
        {
            using var scalar = new RunBuffer(4);
            using var indexOf = new RunBuffer(4);
            using var bits = new RunBuffer(4);
            MaskRunEncoder.EncodeScalar(m.ColumnMajor, scalar);
            MaskRunEncoder.EncodeIndexOf(m.ColumnMajor, indexOf);
            MaskRunEncoder.Encode(m.ColumnMajor, bits);
            Assert.Equal(scalar.ToArray(), bits.ToArray());
            Assert.Equal(scalar.ToArray(), indexOf.ToArray());

            var fast = new byte[m.ColumnMajor.Length];
            var slow = new byte[m.ColumnMajor.Length];
            Array.Fill(fast, (byte)7); // decoding must overwrite every byte
            MaskRunDecoder.Decode(scalar.Span, fast);
            MaskRunDecoder.DecodeScalar(scalar.Span, slow);
            Assert.Equal(slow, fast);
            Assert.Equal(m.Binary(), fast);
        }, iter: 2000);
    }

    [Fact]
    public void Lookup_table_run_collector_agrees_with_trailing_zero_counts_and_the_scalar_reference()
    {
        // Densities around the switch between the two collectors (12 runs per 64 pixels), lengths that end
        // inside a 64-pixel block, and non-0/1 bytes (any non-zero byte is foreground).
        var masks =
            from length in Gen.Int[0, 5000]
            from density in Gen.Double[0, 1]
            from seed in Gen.Int
            select Noise(length, density, seed);
        masks.Sample(mask =>
        {
            using var scalar = new RunBuffer(4);
            using var plain = new RunBuffer(4);
            using var table = new RunBuffer(4);
            MaskRunEncoder.EncodeScalar(mask, scalar);
            MaskRunEncoder.EncodeBitsWithoutTable(mask, plain);
            MaskRunEncoder.Encode(mask, table);
            Assert.Equal(scalar.ToArray(), plain.ToArray());
            Assert.Equal(scalar.ToArray(), table.ToArray());
        }, iter: 3000);

        static byte[] Noise(int length, double density, int seed)
        {
            var random = new Random(seed);
            var mask = new byte[length];
            for (var i = 0; i < length; i++)
            {
                mask[i] = random.NextDouble() < density ? (byte)random.Next(1, 256) : (byte)0;
            }
            return mask;
        }
    }

    [Fact]
    public void Vector_byte_transpose_agrees_with_the_scalar_reference()
    {
        // Sizes around the 16×16 tile: full tiles, edge strips on either side, and matrices narrower than a tile.
        var matrices =
            from rows in Gen.Int[1, 80]
            from cols in Gen.Int[1, 80]
            from seed in Gen.Int
            select (rows, cols, seed);
        matrices.Sample(m =>
        {
            var source = new byte[m.rows * m.cols];
            new Random(m.seed).NextBytes(source);
            var fast = new byte[source.Length];
            var slow = new byte[source.Length];
            ByteTranspose.Transpose(source, fast, m.rows, m.cols);
            ByteTranspose.TransposeScalar(source, slow, m.rows, m.cols);
            Assert.Equal(slow, fast);
            Assert.Equal(source[(m.rows - 1) * m.cols], slow[m.rows - 1]); // the scalar one is a transpose too
        }, iter: 2000);
    }

    [Fact]
    public void Encord_to_coco_to_encord_is_the_identity_on_runs_and_through_pixels()
    {
        RandomMasks.Masks().Sample(m =>
        {
            var rowMajor = m.RowMajor();
            var encord = EncordBitmask.Encode(rowMajor, m.H, m.W);
            Assert.Equal(Reference.RunsString(rowMajor), encord);
            var rowCounts = RleStringCodec.Parse(encord, m.H, m.W);
            var direct = EncordBitmask.ToCocoDirect(rowCounts, m.H, m.W);
            var materialized = EncordBitmask.ToCocoMaterialized(rowCounts, m.H, m.W);
            Assert.Equal(CocoRle.Encode(m.ColumnMajor, m.H, m.W), direct);
            Assert.Equal(direct, materialized);
            Assert.Equal(direct, EncordBitmask.ToCoco(encord, m.H, m.W));
            using (var pooled = new RunBuffer(4))
            {
                Assert.True(EncordBitmask.TryToCocoRuns(encord, m.H, m.W, pooled, out _));
                Assert.Equal(direct.Counts.ToArray(), pooled.ToArray());
            }
            Assert.Equal(encord, EncordBitmask.FromCoco(direct));
            Assert.Equal(encord, EncordBitmask.FromCocoDirect(direct));
            Assert.Equal(encord, EncordBitmask.FromCocoMaterialized(direct));
            Assert.Equal(m.Binary(), Reference.Transpose(EncordBitmask.Decode(encord, m.H, m.W), m.H, m.W));
        }, iter: 3000);
    }

    [Fact]
    public void Merge_is_pixelwise_or_and_and_subtract_is_and_not()
    {
        Gen.Int[2, 4].SelectMany(RandomMasks.SameSize).Sample(masks =>
        {
            var (h, w) = (masks[0].H, masks[0].W);
            var rles = masks.Select(m => CocoRle.Encode(m.ColumnMajor, h, w)).ToArray();
            var or = masks.Select(m => m.Binary()).Aggregate((a, b) => [.. a.Zip(b, (x, y) => (byte)(x | y))]);
            var and = masks.Select(m => m.Binary()).Aggregate((a, b) => [.. a.Zip(b, (x, y) => (byte)(x & y))]);
            Assert.Equal(Reference.Runs(or), CocoRle.Merge(rles, intersect: false).Counts.ToArray());
            Assert.Equal(Reference.Runs(and), CocoRle.Merge(rles, intersect: true).Counts.ToArray());
            var minus = masks[0].Binary().Zip(masks[1].Binary(), (x, y) => (byte)(x & (1 - y))).ToArray();
            Assert.Equal(Reference.Runs(minus), rles[0].Subtract(rles[1]).Counts.ToArray());

            var iou = MaskIou.Compute([rles[0]], [rles[1]], [false])[0, 0];
            var crowd = MaskIou.Compute([rles[0]], [rles[1]], [true])[0, 0];
            var inter = (uint)masks[0].Binary().Zip(masks[1].Binary(), (x, y) => x & y).Count(v => v != 0);
            var union = (uint)masks[0].Binary().Zip(masks[1].Binary(), (x, y) => x | y).Count(v => v != 0);
            var boxesOverlap = MaskIou.ComputeBoxes([rles[0].BoundingBox], [rles[1].BoundingBox], [false])[0, 0] > 0;
            Assert.Equal(!boxesOverlap || inter == 0 ? 0.0 : (double)inter / union, iou);
            Assert.Equal(!boxesOverlap || inter == 0 ? 0.0 : (double)inter / rles[0].Area, crowd);
        }, iter: 2000);
    }

    [Fact]
    public void Bbox_and_area_agree_with_a_pixel_scan()
    {
        RandomMasks.Masks().Sample(m =>
        {
            var rle = CocoRle.Encode(m.ColumnMajor, m.H, m.W);
            Assert.Equal(Reference.Area(m.ColumnMajor), rle.Area);
            Assert.Equal(Reference.PixelBox(m.ColumnMajor, m.H, m.W), CocoRleVectors.Box(rle.BoundingBox));
            // Canonical counts: cocoapi's verbatim algorithm gives the same box.
            Assert.Equal(rle.BoundingBox, RleGeometry.CocoApiBoundingBox(rle.Counts, m.H, m.W));
        }, iter: 3000);
    }

    [Fact]
    public void Noncanonical_counts_decode_box_transpose_and_merge_like_their_pixels()
    {
        // Random counts with zero-length runs anywhere (as uncompressed RLE from a file may carry).
        var gen = from h in Gen.Int[1, 12]
                  from w in Gen.Int[1, 12]
                  from cuts in Gen.Int[0, 20].Array[0, 12]
                  select (h, w, cuts);
        gen.Sample(t =>
        {
            var n = t.h * t.w;
            var positions = t.cuts.Select(c => Math.Min(c, n)).Order().ToList();
            var counts = new List<uint>();
            var last = 0;
            foreach (var p in positions)
            {
                counts.Add((uint)(p - last));
                last = p;
            }
            counts.Add((uint)(n - last));
            var rle = CocoRle.FromCounts(t.h, t.w, [.. counts]);
            var pixels = Reference.Decode([.. counts], n);
            Assert.Equal(pixels, rle.Decode());
            Assert.Equal(Reference.PixelBox(pixels, t.h, t.w), CocoRleVectors.Box(rle.BoundingBox));
            Assert.Equal(Reference.Area(pixels), rle.Area);
            Assert.Equal(rle, CocoRle.FromCompressedString(rle.ToCompressedString(), t.h, t.w));
            var canonical = CocoRle.FromCounts(t.h, t.w, Reference.Runs(pixels));
            Assert.Equal(canonical, CocoRle.Merge([rle, rle], intersect: false));
            Assert.Equal(Reference.RunsString(Reference.Transpose(pixels, t.w, t.h)), EncordBitmask.FromCocoDirect(rle));
        }, iter: 3000);
    }

    [Fact]
    public void Fast_polygon_rasteriser_equals_the_transcribed_c()
    {
        var coordinate = Gen.OneOf(Gen.Double[-20, 80], Gen.Int[-10, 70].Select(i => (double)i), Gen.Int[-40, 300].Select(i => i / 4.0));
        var gen = from h in Gen.Int[1, 64]
                  from w in Gen.Int[1, 64]
                  from xy in coordinate.Array[0, 24]
                  select (h, w, xy);
        gen.Sample(t =>
        {
            using var fast = new RunBuffer(4);
            using var reference = new RunBuffer(4);
            PolygonRasterizer.Rasterize(t.xy, t.h, t.w, fast);
            PolygonRasterizerReference.Rasterize(t.xy, t.h, t.w, reference);
            Assert.Equal(reference.ToArray(), fast.ToArray());
        }, iter: 5000);
    }

    [Fact]
    public void Polygons_with_holes_are_outer_minus_holes_unioned_over_polygons()
    {
        var ring = Gen.Double[-5, 45].Array[6, 12];
        var gen = from outers in ring.Array[1, 3]
                  from holes in ring.Array[0, 3]
                  select (outers, holes);
        gen.Sample(t =>
        {
            const int h = 37, w = 41;
            using var builder = new PolygonMaskBuilder(h, w);
            var expected = new byte[h * w];
            for (var i = 0; i < t.outers.Length; i++)
            {
                builder.AddPolygon(t.outers[i]);
                var polygon = CocoRle.FromPolygon(t.outers[i], h, w).Decode();
                // every hole is attached to the first polygon
                if (i == 0)
                {
                    foreach (var hole in t.holes)
                    {
                        builder.AddHole(hole);
                        var cut = CocoRle.FromPolygon(hole, h, w).Decode();
                        for (var p = 0; p < polygon.Length; p++)
                        {
                            polygon[p] &= (byte)(1 - cut[p]);
                        }
                    }
                }
                for (var p = 0; p < polygon.Length; p++)
                {
                    expected[p] |= polygon[p];
                }
            }
            Assert.Equal(Reference.Runs(expected), builder.Build().Counts.ToArray());
        }, iter: 1000);
    }
}
