using System.Buffers;
using System.Text.Json;
using Labelport.Core.Json;

namespace Labelport.Core.Encord;

/// <summary>
/// Cuts a stream holding one JSON object, or an array of them, into the raw bytes of each element, holding only
/// one element (plus a read-ahead block) in a pooled buffer at a time. Element bytes are valid until the next call.
/// </summary>
internal sealed class TopLevelJsonSplitter : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256, CommentHandling = JsonCommentHandling.Disallow };

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _endOfStream;
    private JsonReaderState _state = new(ReaderOptions);
    private Mode _mode = Mode.Begin;

    public TopLevelJsonSplitter(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    private enum Mode
    {
        Begin,
        Array,
        Single,
        Done,
    }

    /// <summary>Index of the element last returned, for JSON paths (<c>-1</c> for a single top-level row).</summary>
    public int Index { get; private set; } = -1;

    /// <summary>True when the input was a single row rather than an array.</summary>
    public bool IsSingle { get; private set; }

    public string ElementPath => IsSingle ? "$" : "$[" + Index + "]";

    public bool TryReadNext(out ReadOnlyMemory<byte> element)
    {
        while (true)
        {
            var step = TryStep(out element);
            if (step != StepResult.NeedMoreData)
            {
                return step == StepResult.Element;
            }
            Fill(_stream.Read(GrowForRead().Span));
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>?> ReadNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var step = TryStep(out var element);
            if (step != StepResult.NeedMoreData)
            {
                return step == StepResult.Element ? element : null;
            }
            var memory = GrowForRead();
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end, memory.Length), cancellationToken).ConfigureAwait(false);
            Fill(read);
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum StepResult
    {
        Element,
        End,
        NeedMoreData,
    }

    private StepResult TryStep(out ReadOnlyMemory<byte> element)
    {
        element = default;
        if (_mode == Mode.Done)
        {
            return StepResult.End;
        }
        if (_mode == Mode.Begin && _bufferOffset == 0 && _start == 0)
        {
            if (_end - _start < 3 && !_endOfStream)
            {
                return StepResult.NeedMoreData;
            }
            if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
            {
                _start += 3;
            }
        }
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfStream, _state);
        try
        {
            return _mode switch
            {
                Mode.Begin => StepBegin(ref reader, out element),
                Mode.Single => StepSingle(ref reader, out element),
                _ => StepArray(ref reader, out element),
            };
        }
        catch (JsonException e)
        {
            var where = _mode == Mode.Array ? "$[" + (Index + 1) + "]" : "$";
            _mode = Mode.Done;
            throw new LabelFormatException(where, "malformed JSON near byte " + (_bufferOffset + _start) + " of the input: " + Ontology.OntologyReader.FirstSentence(e.Message), e);
        }
    }

    private StepResult StepBegin(ref Utf8JsonReader reader, out ReadOnlyMemory<byte> element)
    {
        element = default;
        if (!reader.Read())
        {
            if (_endOfStream)
            {
                _mode = Mode.Done;
                throw new LabelFormatException("$", "the input is empty; expected a label row object or an array of label rows");
            }
            return StepResult.NeedMoreData;
        }
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                _mode = Mode.Array;
                Advance(ref reader);
                return TryStep(out element);
            case JsonTokenType.StartObject:
                _mode = Mode.Single;
                IsSingle = true;
                // Re-read the object from its first byte with a fresh state.
                _start += (int)reader.TokenStartIndex;
                _state = new JsonReaderState(ReaderOptions);
                return TryStep(out element);
            default:
                _mode = Mode.Done;
                throw new LabelFormatException("$", "expected a label row object or an array of label rows, found " + reader.TokenType);
        }
    }

    private StepResult StepSingle(ref Utf8JsonReader reader, out ReadOnlyMemory<byte> element)
    {
        element = default;
        if (!reader.Read() || !reader.TrySkip())
        {
            return NeedMore();
        }
        var length = (int)reader.BytesConsumed;
        if (!EndsCleanly(reader))
        {
            return NeedMore();
        }
        element = _buffer.AsMemory(_start, length);
        _mode = Mode.Done;
        Index = 0;
        return StepResult.Element;
    }

    private StepResult StepArray(ref Utf8JsonReader reader, out ReadOnlyMemory<byte> element)
    {
        element = default;
        if (!reader.Read())
        {
            return NeedMore();
        }
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            if (!EndsCleanly(reader))
            {
                return NeedMore();
            }
            _mode = Mode.Done;
            return StepResult.End;
        }
        var tokenStart = (int)reader.TokenStartIndex;
        var tokenType = reader.TokenType;
        if (!reader.TrySkip())
        {
            return NeedMore();
        }
        Index++;
        if (tokenType != JsonTokenType.StartObject)
        {
            _mode = Mode.Done;
            throw new LabelFormatException(ElementPath, "expected a label row object, found " + tokenType);
        }
        element = _buffer.AsMemory(_start + tokenStart, (int)reader.BytesConsumed - tokenStart);
        Advance(ref reader);
        return StepResult.Element;
    }

    private StepResult NeedMore()
    {
        if (_endOfStream)
        {
            _mode = Mode.Done;
            throw new LabelFormatException(Index < 0 ? "$" : "$[" + (Index + 1) + "]", "unexpected end of input: the JSON is truncated");
        }
        return StepResult.NeedMoreData;
    }

    /// <summary>After the last top-level token only whitespace may follow.</summary>
    private bool EndsCleanly(Utf8JsonReader reader)
    {
        var rest = _buffer.AsSpan(_start + (int)reader.BytesConsumed, _end - _start - (int)reader.BytesConsumed);
        var trailing = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (trailing >= 0)
        {
            _mode = Mode.Done;
            throw new LabelFormatException("$", "unexpected data after the end of the JSON at byte " + (_bufferOffset + _start + reader.BytesConsumed + trailing));
        }
        return _endOfStream;
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private Memory<byte> GrowForRead()
    {
        if (_start > 0)
        {
            var live = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, live);
            _bufferOffset += _start;
            _start = 0;
            _end = live;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        return _buffer.AsMemory(_end);
    }

    private void Fill(int read)
    {
        if (read == 0)
        {
            _endOfStream = true;
        }
        _end += read;
    }
}
