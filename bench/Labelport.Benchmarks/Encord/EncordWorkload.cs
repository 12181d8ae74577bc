using System.Collections.Concurrent;
using Labelport.Benchmarks.Generation;

namespace Labelport.Benchmarks.Encord;

/// <summary>
/// The generated web-app export the Encord benchmarks read and write, by row count. Deterministic, so the benchmark
/// host can rebuild it to compute throughput columns.
/// </summary>
public sealed class EncordWorkload
{
    private static readonly ConcurrentDictionary<int, EncordWorkload> Cache = new();

    private EncordWorkload(int rows)
    {
        Options = new ExportGeneratorOptions { Rows = rows, FramesPerVideo = 30, ObjectsPerFrame = 6, BitmaskShare = 0.02 };
        Bytes = new ExportGenerator(Options).ToBytes();
        RowCount = rows;
    }

    public ExportGeneratorOptions Options { get; }

    public byte[] Bytes { get; }

    public int RowCount { get; }

    public static EncordWorkload Get(int rows) => Cache.GetOrAdd(rows, static r => new EncordWorkload(r));
}
