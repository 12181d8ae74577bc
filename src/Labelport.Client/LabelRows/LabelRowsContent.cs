using System.Net;
using System.Net.Http.Headers;
using Labelport.Core.Encord;
using Labelport.Core.Model;

namespace Labelport.Client;

/// <summary>A request body that writes label rows as an Encord JSON array while it is sent (no copy in memory).</summary>
internal sealed class LabelRowsContent : HttpContent
{
    private readonly IEnumerable<LabelRow> _rows;
    private readonly bool _single;

    public LabelRowsContent(IEnumerable<LabelRow> rows, bool single)
    {
        _rows = rows;
        _single = single;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var writer = new LabelRowWriter(stream, new LabelRowWriterOptions());
        if (_single)
        {
            writer.Write(_rows.Single());
        }
        else
        {
            writer.WriteStartArray();
            foreach (var row in _rows)
            {
                writer.Write(row);
                await writer.FlushIfNeededAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            writer.WriteEndArray();
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
