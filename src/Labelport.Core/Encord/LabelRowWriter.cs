using System.Text.Encodings.Web;
using System.Text.Json;
using Labelport.Core.Model;
using N = Labelport.Core.Encord.EncordNames;

namespace Labelport.Core.Encord;

/// <summary>
/// Writes label rows in the web-app export dialect — a JSON array of rows with every field of spec §1 — straight to a
/// stream through <see cref="Utf8JsonWriter"/>, one row at a time. Output is deterministic: same rows, same bytes.
/// </summary>
public sealed partial class LabelRowWriter : IDisposable, IAsyncDisposable
{
    private readonly Utf8JsonWriter _json;
    private readonly LabelRowWriterOptions _options;

    public LabelRowWriter(Stream stream, LabelRowWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _options = options ?? new LabelRowWriterOptions();
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = _options.Indented,
            // Hashes contain '+' and '/': keep them readable; the output is a file, never embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        });
    }

    /// <summary>Bytes written to the stream so far plus those pending in the writer.</summary>
    public long BytesWritten => _json.BytesCommitted + _json.BytesPending;

    /// <summary>Rows written so far.</summary>
    public long RowsWritten { get; private set; }

    public void WriteStartArray() => _json.WriteStartArray();

    public void WriteEndArray() => _json.WriteEndArray();

    public void Flush() => _json.Flush();

    public Task FlushAsync(CancellationToken cancellationToken = default) => _json.FlushAsync(cancellationToken);

    /// <summary>Flushes to the stream when more than <paramref name="threshold"/> bytes are pending (keeps memory flat).</summary>
    public async ValueTask FlushIfNeededAsync(int threshold = 256 * 1024, CancellationToken cancellationToken = default)
    {
        if (_json.BytesPending > threshold)
        {
            await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void FlushIfNeeded(int threshold = 256 * 1024)
    {
        if (_json.BytesPending > threshold)
        {
            _json.Flush();
        }
    }

    /// <summary>Writes a whole export: an array of <paramref name="rows"/>.</summary>
    public static void WriteExport(Stream stream, IEnumerable<LabelRow> rows, LabelRowWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new LabelRowWriter(stream, options);
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            writer.Write(row);
            writer.FlushIfNeeded();
        }
        writer.WriteEndArray();
        writer.Flush();
    }

    public void Write(LabelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var json = _json;
        var stamp = _options.Stamp;
        json.WriteStartObject();
        json.WriteString(N.LabelHash, row.LabelHash);
        if (row.BranchName is not null)
        {
            json.WriteString(N.BranchName, row.BranchName);
        }
        json.WriteString(N.CreatedAt, row.CreatedAt);
        json.WriteString(N.LastEditedAt, row.LastEditedAt);
        json.WriteString(N.DatasetHash, row.DatasetHash);
        json.WriteString(N.DatasetTitle, row.DatasetTitle);
        json.WriteString(N.DataTitle, row.DataTitle);
        json.WriteString(N.DataHash, row.DataHash);
        json.WriteString(N.DataType, row.DataType);
        WriteNullable(N.IsImageSequence, row.IsImageSequence);
        if (!HasExtra(row, "video_link"))
        {
            json.WriteString(N.VideoLink, row.VideoLink);
        }
        if (row.IsValid is { } isValid)
        {
            json.WriteBoolean(N.IsValid, isValid);
        }
        json.WritePropertyName(N.DataUnits);
        json.WriteStartObject();
        foreach (var (key, unit) in row.DataUnits)
        {
            json.WritePropertyName(key);
            WriteDataUnit(row, unit);
        }
        json.WriteEndObject();
        WriteObjectAnswers(row);
        WriteClassificationAnswers(row);
        WriteObjectActions(row);
        json.WriteString(N.LabelStatus, row.LabelStatusName);
        json.WriteString(N.AnnotationTaskStatus, row.AnnotationTaskStatusName);
        if (row.IsShadowData is { } shadow)
        {
            json.WriteBoolean(N.IsShadowData, shadow);
        }
        json.WritePropertyName(N.ExportHistory);
        json.WriteStartArray();
        if (stamp is not null)
        {
            json.WriteStartObject();
            json.WriteString(N.ExportHash, stamp.ExportHash);
            json.WriteString(N.ExportedAt, stamp.ExportedAt);
            json.WriteString(N.UserEmail, stamp.UserEmail);
            json.WriteEndObject();
        }
        foreach (var entry in row.ExportHistory)
        {
            json.WriteStartObject();
            json.WriteString(N.ExportHash, entry.ExportHash);
            json.WriteString(N.ExportedAt, entry.ExportedAt);
            json.WriteString(N.UserEmail, entry.UserEmail);
            entry.Extras.WriteTo(json);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString(N.ExportHash, stamp?.ExportHash ?? row.ExportHash);
        json.WriteString(N.ExportedAt, stamp?.ExportedAt ?? row.ExportedAt);
        row.Extras.WriteTo(json);
        json.WriteEndObject();
        RowsWritten++;
    }

    private static bool HasExtra(LabelRow row, string name)
    {
        foreach (var field in row.Extras.Fields)
        {
            if (field.Key == name)
            {
                return true;
            }
        }
        return false;
    }

    private void WriteDataUnit(LabelRow row, DataUnit unit)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteString(N.DataHash, unit.DataHash);
        json.WriteString(N.DataTitle, unit.DataTitle);
        json.WriteString(N.DataLink, _options.DataLink is { } link ? link(row, unit) : unit.DataLink);
        json.WriteString(N.DataType, unit.DataType);
        if (unit.DataSequenceIsString)
        {
            json.WriteString(N.DataSequence, unit.DataSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNumber(N.DataSequence, unit.DataSequence);
        }
        WriteNullable(N.Width, unit.Width);
        WriteNullable(N.Height, unit.Height);
        if (unit.DataDuration is { } duration)
        {
            json.WriteNumber(N.DataDuration, duration);
        }
        if (unit.DataFps is { } fps)
        {
            json.WriteNumber(N.DataFps, fps);
        }
        json.WritePropertyName(N.Labels);
        json.WriteStartObject();
        if (unit.LabelsByFrame)
        {
            Span<char> digits = stackalloc char[11];
            foreach (var frame in unit.Frames)
            {
                frame.Frame.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
                json.WritePropertyName(digits[..written]);
                json.WriteStartObject();
                WriteFrameContent(frame);
                json.WriteEndObject();
            }
        }
        else if (unit.Frames.Count > 0)
        {
            WriteFrameContent(unit.Frames[0]);
        }
        json.WriteEndObject();
        unit.Extras.WriteTo(json);
        json.WriteEndObject();
    }

    private void WriteFrameContent(FrameLabels frame)
    {
        var json = _json;
        json.WritePropertyName(N.Objects);
        json.WriteStartArray();
        foreach (var instance in frame.Objects)
        {
            WriteObject(instance);
        }
        json.WriteEndArray();
        json.WritePropertyName(N.Classifications);
        json.WriteStartArray();
        foreach (var instance in frame.Classifications)
        {
            WriteClassification(instance);
        }
        json.WriteEndArray();
        frame.Extras.WriteTo(json);
    }

    private void WriteNullable(JsonEncodedText name, bool? value)
    {
        if (value is { } v)
        {
            _json.WriteBoolean(name, v);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void WriteNullable(JsonEncodedText name, int? value)
    {
        if (value is { } v)
        {
            _json.WriteNumber(name, v);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    public void Dispose() => _json.Dispose();

    public ValueTask DisposeAsync() => _json.DisposeAsync();
}
