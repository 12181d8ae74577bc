using Labelport.Core.Coco;
using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Core.Ontology;
using Labelport.Core.Validation;

namespace Labelport.Core.Export;

/// <summary>
/// The offline conversion: stream rows from an export, validate each against the ontology, apply the filter and
/// write Encord JSON or COCO — one row in memory at a time.
/// </summary>
public static class ConvertPipeline
{
    public static ConversionSummary ToEncord(Stream input, Stream output, OntologyStructure ontology, ExportFilter filter, bool indented = false)
    {
        var summary = new ConversionSummary();
        using var writer = new LabelRowWriter(output, new LabelRowWriterOptions { Indented = indented });
        writer.WriteStartArray();
        foreach (var row in Select(input, ontology, filter, summary))
        {
            writer.Write(row);
            writer.FlushIfNeeded();
            summary.RowsWritten++;
            foreach (var unit in row.DataUnits.Values)
            {
                foreach (var frame in unit.Frames)
                {
                    summary.ObjectInstances += frame.Objects.Count;
                    summary.ClassificationInstances += frame.Classifications.Count;
                }
            }
        }
        writer.WriteEndArray();
        writer.Flush();
        return summary;
    }

    public static ConversionSummary ToCoco(Stream input, Stream output, OntologyStructure ontology, ExportFilter filter, bool indented = false)
    {
        var summary = new ConversionSummary();
        using var writer = new CocoWriter(output, ontology, new CocoWriterOptions { Indented = indented });
        foreach (var row in Select(input, ontology, filter, summary))
        {
            writer.Add(row);
            summary.RowsWritten++;
        }
        writer.Complete();
        writer.Report(summary);
        return summary;
    }

    /// <summary>Rows that pass validation and the filter, with the filter applied. Invalid rows stop the conversion.</summary>
    public static IEnumerable<LabelRow> Select(Stream input, OntologyStructure ontology, ExportFilter filter, ConversionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(summary);
        var validator = new LabelRowValidator(ontology);
        foreach (var result in LabelRowReader.ReadEach(input))
        {
            if (result.Error is not null)
            {
                throw result.Error;
            }
            var row = result.Row!;
            summary.RowsRead++;
            var problems = validator.Validate(row, result.Index);
            if (problems.Count > 0)
            {
                throw new LabelValidationException(problems);
            }
            if (!filter.IncludesRow(row))
            {
                continue;
            }
            filter.ApplyTo(row);
            yield return row;
        }
    }
}
