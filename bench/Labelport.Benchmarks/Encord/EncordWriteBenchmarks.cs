using BenchmarkDotNet.Attributes;
using Labelport.Core.Encord;
using Labelport.Core.Model;

namespace Labelport.Benchmarks.Encord;

/// <summary>
/// Writing the generated export's rows (already in memory) as a web-app export, plain and as the server does it
/// (export stamp + a signed data_link per unit). Output goes to a discarding stream; one operation = the whole export.
/// </summary>
[Config(typeof(EncordThroughputConfig))]
public class EncordWriteBenchmarks
{
    private List<LabelRow> _rows = [];
    private LabelRowWriterOptions _serverOptions = new();

    [Params(1000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = EncordWorkload.Get(Rows);
        _rows = [.. LabelRowReader.ReadAll(new MemoryStream(workload.Bytes, writable: false))];
        _serverOptions = new LabelRowWriterOptions
        {
            Stamp = new ExportStamp("4f3c1b7e-9d2a-4e5f-8a6b-0c1d2e3f4a5b", "Wed, 25 Nov 2026 10:45:00 UTC", "admin@example.com"),
            DataLink = static (_, unit) => "https://labelport.example/media/" + unit.DataHash + "?expires=1795000000&signature=0123456789abcdef0123456789abcdef",
        };
    }

    [Benchmark(Baseline = true)]
    public long Write()
    {
        using var writer = new LabelRowWriter(Stream.Null);
        return WriteAll(writer);
    }

    [Benchmark]
    public long WriteWithStampAndSignedLinks()
    {
        using var writer = new LabelRowWriter(Stream.Null, _serverOptions);
        return WriteAll(writer);
    }

    private long WriteAll(LabelRowWriter writer)
    {
        writer.WriteStartArray();
        foreach (var row in _rows)
        {
            writer.Write(row);
            writer.FlushIfNeeded();
        }
        writer.WriteEndArray();
        var bytes = writer.BytesWritten;
        writer.Flush();
        return bytes;
    }
}
