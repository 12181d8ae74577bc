using Labelport.Core.Coco;
using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Core.Ontology;

namespace Labelport.Server.Exports;

/// <summary>Writes an export file row by row through Core's writers: Encord JSON (an array of rows) or COCO.</summary>
internal sealed class ExportFileWriter : IDisposable
{
    private readonly LabelRowWriter? _encord;
    private readonly CocoWriter? _coco;

    private ExportFileWriter(LabelRowWriter? encord, CocoWriter? coco)
    {
        _encord = encord;
        _coco = coco;
    }

    public static ExportFileWriter Create(string format, Stream output, OntologyStructure ontology, ExportStamp stamp, Func<LabelRow, DataUnit, string?> dataLink, string? temporaryFolder)
    {
        switch (format)
        {
            case ExportFormats.Json:
                var encord = new LabelRowWriter(output, new LabelRowWriterOptions { Stamp = stamp, DataLink = dataLink });
                encord.WriteStartArray();
                return new ExportFileWriter(encord, null);
            case ExportFormats.Coco:
                return new ExportFileWriter(null, new CocoWriter(output, ontology, new CocoWriterOptions { DataLink = dataLink, TemporaryFolder = temporaryFolder }));
            default:
                throw new ExportFailedException($"unknown export format \"{format}\"");
        }
    }

    public async ValueTask WriteAsync(LabelRow row, CancellationToken cancellationToken)
    {
        if (_encord is not null)
        {
            _encord.Write(row);
            await _encord.FlushIfNeededAsync(cancellationToken: cancellationToken);
        }
        else
        {
            _coco!.Add(row);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_encord is not null)
        {
            _encord.WriteEndArray();
            await _encord.FlushAsync(cancellationToken);
        }
        else
        {
            _coco!.Complete();
        }
    }

    public void Dispose()
    {
        _encord?.Dispose();
        _coco?.Dispose();
    }
}
