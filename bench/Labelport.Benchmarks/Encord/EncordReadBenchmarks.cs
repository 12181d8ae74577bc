using BenchmarkDotNet.Attributes;
using Labelport.Benchmarks.Generation;
using Labelport.Core.Encord;
using Labelport.Core.Validation;

namespace Labelport.Benchmarks.Encord;

/// <summary>
/// Reading a generated web-app export (see <see cref="EncordWorkload"/>) from a stream, row by row, as the converter and
/// the server's import do. One operation = the whole export.
/// </summary>
[Config(typeof(EncordThroughputConfig))]
public class EncordReadBenchmarks
{
    private byte[] _bytes = [];
    private LabelRowValidator _validator = null!;

    [Params(1000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = EncordWorkload.Get(Rows).Bytes;
        _validator = new LabelRowValidator(GeneratedOntology.Structure);
    }

    [Benchmark(Baseline = true)]
    public int Read()
    {
        var count = 0;
        foreach (var row in LabelRowReader.ReadAll(new MemoryStream(_bytes, writable: false)))
        {
            count += row.DataUnits.Count;
        }
        return count;
    }

    [Benchmark]
    public async Task<int> ReadAsync()
    {
        var count = 0;
        await foreach (var row in LabelRowReader.ReadAllAsync(new MemoryStream(_bytes, writable: false)))
        {
            count += row.DataUnits.Count;
        }
        return count;
    }

    [Benchmark]
    public int ReadAndValidate()
    {
        var problems = 0;
        var index = 0;
        foreach (var row in LabelRowReader.ReadAll(new MemoryStream(_bytes, writable: false)))
        {
            problems += _validator.Validate(row, index++).Count;
        }
        return problems;
    }
}
