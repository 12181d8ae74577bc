using System.Runtime.CompilerServices;
using Labelport.Core.Encord;
using Labelport.Core.Model;

namespace Labelport.Client;

/// <summary>
/// Reads a downloaded Encord JSON export as typed label rows, streaming: one row is in memory at a time, however
/// large the file. Malformed input raises <see cref="Labelport.Core.Json.LabelFormatException"/> naming the JSON path.
/// </summary>
public static class ExportFile
{
    /// <summary>The label rows of an Encord JSON export (an array of rows, or a single row) read from a stream.</summary>
    /// <param name="stream">The export's bytes (a file, a download, any stream).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static IAsyncEnumerable<LabelRow> ReadLabelRowsAsync(Stream stream, CancellationToken cancellationToken = default)
        => LabelRowReader.ReadAllAsync(stream, cancellationToken);

    /// <summary>The label rows of an Encord JSON export file; the file is open while the caller enumerates.</summary>
    /// <param name="path">The export file's path.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async IAsyncEnumerable<LabelRow> ReadLabelRowsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            await foreach (var row in LabelRowReader.ReadAllAsync(file, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <summary>The label rows of an Encord JSON export read synchronously from a stream.</summary>
    /// <param name="stream">The export's bytes.</param>
    public static IEnumerable<LabelRow> ReadLabelRows(Stream stream) => LabelRowReader.ReadAll(stream);
}
