using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Labelport.Benchmarks.Encord;

/// <summary>MB/s (of export JSON) or label rows/s, from the mean time of one pass over the <see cref="EncordWorkload"/>.</summary>
public sealed class ThroughputColumn(bool perRow) : IColumn
{
    public string Id => perRow ? "RowsPerSecond" : "MegabytesPerSecond";

    public string ColumnName => perRow ? "rows/s" : "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => perRow ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => perRow ? "Label rows per second (one operation = the whole export)" : "Export JSON megabytes (10^6 bytes) per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        if (summary[benchmarkCase]?.ResultStatistics is not { } statistics)
        {
            return "NA";
        }
        var workload = EncordWorkload.Get((int)benchmarkCase.Parameters["Rows"]);
        var seconds = statistics.Mean / 1e9;
        return perRow
            ? (workload.RowCount / seconds).ToString("N0", CultureInfo.InvariantCulture)
            : (workload.Bytes.Length / 1e6 / seconds).ToString("N1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
