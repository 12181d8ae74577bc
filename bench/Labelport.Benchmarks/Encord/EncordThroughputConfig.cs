using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Labelport.Benchmarks.Encord;

/// <summary>Adds MB/s and rows/s columns and allocation figures to the Encord read/write benchmarks.</summary>
public sealed class EncordThroughputConfig : ManualConfig
{
    public EncordThroughputConfig()
    {
        AddColumn(new ThroughputColumn(perRow: false), new ThroughputColumn(perRow: true));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
