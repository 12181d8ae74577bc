using BenchmarkDotNet.Attributes;
using Labelport.Core.Masks;

namespace Labelport.Benchmarks.Masks;

/// <summary>
/// The COCO RLE kernels on the workload pycocotools' C code was timed on (tests/data/bench/rle-workload.json,
/// figures in tests/data/bench README / spec coco-rle.md §11). One h×w = 1080×1920 mask per call.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 11)]
public class RleBenchmarks
{
    private RleWorkload _workload = null!;
    private byte[] _destination = [];
    private CocoRle _blob = null!;
    private CocoRle _blob2 = null!;
    private CocoRle _noise = null!;
    private string _noiseString = string.Empty;
    private string _blobString = string.Empty;
    private uint[] _blobRowCounts = [];
    private uint[] _noiseRowCounts = [];
    private RunBuffer _runs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = RleWorkload.Load(RleWorkload.FindFile());
        var (h, w) = (_workload.Height, _workload.Width);
        _destination = new byte[h * w];
        _blob = CocoRle.Encode(_workload.Blob, h, w);
        _blob2 = CocoRle.Encode(_workload.Blob2, h, w);
        _noise = CocoRle.Encode(_workload.Noise, h, w);
        _noiseString = _noise.ToCompressedString();
        _blobString = _blob.ToCompressedString();
        _blobRowCounts = RleStringCodec.Parse(EncordBitmask.FromCoco(_blob), h, w);
        _noiseRowCounts = RleStringCodec.Parse(EncordBitmask.FromCoco(_noise), h, w);
        _runs = new RunBuffer(2_000_000);
        _utf8 = new byte[RleStringCodec.GetMaxByteCount(_noise.Counts.Length)];
        _counts = new uint[(_workload.Height * _workload.Width) + 1];
        _noiseRowMajor = _noise.Decode(MaskOrder.RowMajor);
        _blobEncordString = EncordBitmask.FromCoco(_blob);
        _noiseEncordString = EncordBitmask.FromCoco(_noise);
    }

    [GlobalCleanup]
    public void Cleanup() => _runs.Dispose();

    [Benchmark(Description = "encode blob (column-major)")]
    public CocoRle EncodeBlob() => CocoRle.Encode(_workload.Blob, _workload.Height, _workload.Width);

    [Benchmark(Description = "encode noise")]
    public CocoRle EncodeNoise() => CocoRle.Encode(_workload.Noise, _workload.Height, _workload.Width);

    [Benchmark(Description = "runs only, bitmask path: blob")]
    public int RunsBitsBlob()
    {
        MaskRunEncoder.Encode(_workload.Blob, _runs);
        return _runs.Count;
    }

    [Benchmark(Description = "runs only, IndexOf path: blob")]
    public int RunsIndexOfBlob()
    {
        MaskRunEncoder.EncodeIndexOf(_workload.Blob, _runs);
        return _runs.Count;
    }

    [Benchmark(Description = "runs only, scalar path: blob")]
    public int RunsScalarBlob()
    {
        MaskRunEncoder.EncodeScalar(_workload.Blob, _runs);
        return _runs.Count;
    }

    [Benchmark(Description = "runs only, trailing-zero path (no table): noise")]
    public int RunsTrailingZeroNoise()
    {
        MaskRunEncoder.EncodeBitsWithoutTable(_workload.Noise, _runs);
        return _runs.Count;
    }

    [Benchmark(Description = "runs only, bitmask path: noise")]
    public int RunsBitsNoise()
    {
        MaskRunEncoder.Encode(_workload.Noise, _runs);
        return _runs.Count;
    }

    [Benchmark(Description = "runs only, IndexOf path: noise")]
    public int RunsIndexOfNoise()
    {
        MaskRunEncoder.EncodeIndexOf(_workload.Noise, _runs);
        return _runs.Count;
    }

    [Benchmark(Description = "runs only, scalar path: noise")]
    public int RunsScalarNoise()
    {
        MaskRunEncoder.EncodeScalar(_workload.Noise, _runs);
        return _runs.Count;
    }

    [Benchmark(Description = "encode blob from row-major")]
    public CocoRle EncodeBlobRowMajor() => CocoRle.Encode(_workload.BlobRowMajor, _workload.Height, _workload.Width, MaskOrder.RowMajor);

    [Benchmark(Description = "encode noise from row-major")]
    public CocoRle EncodeNoiseRowMajor() => CocoRle.Encode(_noiseRowMajor, _workload.Height, _workload.Width, MaskOrder.RowMajor);

    [Benchmark(Description = "byte transpose 1080×1920")]
    public void ByteTransposeNoise() => ByteTranspose.Transpose(_noiseRowMajor, _destination, _workload.Height, _workload.Width);

    [Benchmark(Description = "byte transpose 1080×1920, scalar")]
    public void ByteTransposeNoiseScalar() => ByteTranspose.TransposeScalar(_noiseRowMajor, _destination, _workload.Height, _workload.Width);

    [Benchmark(Description = "decode blob")]
    public void DecodeBlob() => _blob.Decode(_destination);

    [Benchmark(Description = "decode noise")]
    public void DecodeNoise() => _noise.Decode(_destination);

    [Benchmark(Description = "decode noise, scalar path")]
    public void DecodeNoiseScalar() => MaskRunDecoder.DecodeScalar(_noise.Counts, _destination);

    [Benchmark(Description = "decode blob to row-major")]
    public void DecodeBlobRowMajor() => _blob.Decode(_destination, MaskOrder.RowMajor);

    [Benchmark(Description = "toString blob")]
    public string ToStringBlob() => _blob.ToCompressedString();

    [Benchmark(Description = "toString noise")]
    public string ToStringNoise() => _noise.ToCompressedString();

    [Benchmark(Description = "frString blob")]
    public uint[] FrStringBlob() => RleStringCodec.Parse(_blobString, _workload.Height, _workload.Width);

    [Benchmark(Description = "frString noise")]
    public uint[] FrStringNoise() => RleStringCodec.Parse(_noiseString, _workload.Height, _workload.Width);

    [Benchmark(Description = "frPoly poly100")]
    public CocoRle FrPolyPoly100() => CocoRle.FromPolygon(_workload.Poly100, _workload.Height, _workload.Width);

    [Benchmark(Description = "frPoly poly100, transcribed C")]
    public int FrPolyPoly100Reference()
    {
        PolygonRasterizerReference.Rasterize(_workload.Poly100, _workload.Height, _workload.Width, _runs);
        return _runs.Count;
    }

    [Benchmark(Description = "area blob")]
    public uint AreaBlob() => _blob.Area;

    [Benchmark(Description = "bbox blob")]
    public RleBoundingBox BboxBlob() => _blob.BoundingBox;

    [Benchmark(Description = "merge (union) blob + blob2")]
    public CocoRle MergeBlob() => CocoRle.Merge([_blob, _blob2], intersect: false);

    [Benchmark(Description = "iou blob vs blob2")]
    public double[,] IouBlob() => MaskIou.Compute([_blob], [_blob2], [false]);

    [Benchmark(Description = "Encord→COCO blob, on runs")]
    public CocoRle EncordToCocoDirectBlob() => EncordBitmask.ToCocoDirect(_blobRowCounts, _workload.Height, _workload.Width);

    [Benchmark(Description = "Encord→COCO blob, materialised")]
    public CocoRle EncordToCocoMaterializedBlob() => EncordBitmask.ToCocoMaterialized(_blobRowCounts, _workload.Height, _workload.Width);

    [Benchmark(Description = "Encord→COCO noise, on runs")]
    public CocoRle EncordToCocoDirectNoise() => EncordBitmask.ToCocoDirect(_noiseRowCounts, _workload.Height, _workload.Width);

    [Benchmark(Description = "Encord→COCO noise, materialised")]
    public CocoRle EncordToCocoMaterializedNoise() => EncordBitmask.ToCocoMaterialized(_noiseRowCounts, _workload.Height, _workload.Width);

    [Benchmark(Description = "Encord string→COCO string+area+bbox, blob")]
    public (string, uint, RleBoundingBox) EncordStringToCocoBlob()
    {
        var rle = EncordBitmask.ToCoco(_blobStringEncord ??= EncordBitmask.FromCoco(_blob), _workload.Height, _workload.Width);
        return (rle.ToCompressedString(), rle.Area, rle.BoundingBox);
    }

    private string? _blobStringEncord;

    // The same kernels into pooled / caller-owned memory, as pycocotools' C functions write into a warm malloc heap
    // and as the COCO export path uses them. The allocating rows above hand back a new multi-MB array or string per
    // call; the GC returns freed large-object memory to the OS, so each call there also pays ~500 page faults.

    [Benchmark(Description = "toString noise → UTF-8 span")]
    public int ToStringNoiseIntoSpan() => RleStringCodec.Write(_noise.Counts, _utf8);

    [Benchmark(Description = "encode noise → caller span")]
    public int EncodeNoiseIntoSpan() => CocoRle.TryEncode(_workload.Noise, _workload.Height, _workload.Width, _counts, out var written) ? written : -1;

    [Benchmark(Description = "frString noise → caller span")]
    public int FrStringNoiseIntoSpan() => RleStringCodec.TryParse(_noiseString, _workload.Height, _workload.Width, _counts, out var written, out _) ? written : -1;

    [Benchmark(Description = "frString blob → caller span")]
    public int FrStringBlobIntoSpan() => RleStringCodec.TryParse(_blobString, _workload.Height, _workload.Width, _counts, out var written, out _) ? written : -1;

    [Benchmark(Description = "export path: Encord string → COCO runs + UTF-8 counts, blob")]
    public int ExportPathBlob() => ExportPath(_blobEncordString);

    [Benchmark(Description = "export path: Encord string → COCO runs + UTF-8 counts, noise")]
    public int ExportPathNoise() => ExportPath(_noiseEncordString);

    private int ExportPath(string encord)
    {
        _ = EncordBitmask.TryToCocoRuns(encord, _workload.Height, _workload.Width, _runs, out _);
        return RleStringCodec.Write(_runs.Span, _utf8) + (int)RleGeometry.Area(_runs.Span);
    }

    private byte[] _utf8 = [];
    private uint[] _counts = [];
    private byte[] _noiseRowMajor = [];
    private string _blobEncordString = string.Empty;
    private string _noiseEncordString = string.Empty;
}
