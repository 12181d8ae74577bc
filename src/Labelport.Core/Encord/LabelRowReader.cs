using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Labelport.Core.Json;
using Labelport.Core.Model;

namespace Labelport.Core.Encord;

/// <summary>
/// Reads Encord label rows — one row, or an array of rows (a web-app export) — streaming from a stream: only one
/// row is held in memory at a time. Both dialects, any field order; unknown fields are kept.
/// Problems → <see cref="LabelFormatException"/> naming the JSON path.
/// </summary>
public static class LabelRowReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static IEnumerable<LabelRow> ReadAll(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadAllIterator(stream);
    }

    public static async IAsyncEnumerable<LabelRow> ReadAllAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var splitter = new TopLevelJsonSplitter(stream);
        var path = new JsonPath();
        while (await splitter.ReadNextAsync(cancellationToken).ConfigureAwait(false) is { } element)
        {
            yield return ParseElement(element, splitter, path);
        }
    }

    /// <summary>
    /// Reads every row it can: a row that cannot be mapped (wrong type, missing field) is reported and reading goes
    /// on with the next; malformed JSON ends the input. Used by validation to report all problems at once.
    /// </summary>
    public static IEnumerable<LabelRowReadResult> ReadEach(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadEachIterator(stream);
    }

    public static LabelRow ParseRow(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return ReadAll(stream).Single();
    }

    /// <summary>
    /// One row object from UTF-8 JSON (e.g. a stored row), parsed in place: no decoding to a string, no copy into a
    /// read buffer. Problems → <see cref="LabelFormatException"/> with the path from <c>$</c>.
    /// </summary>
    public static LabelRow ParseRow(byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.AsMemory(), DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new LabelFormatException("$", utf8Json.Length == 0
                ? "the input is empty; expected a label row object"
                : "malformed JSON at line " + (e.LineNumber + 1) + ", byte " + (e.BytePositionInLine + 1) + ": " + Ontology.OntologyReader.FirstSentence(e.Message), e);
        }
        using (document)
        {
            var path = new JsonPath();
            try
            {
                return LabelRowParser.Parse(document.RootElement, path);
            }
            catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
            {
                throw new LabelFormatException(path.ToString(), "a string or property name here is not valid UTF-8", e);
            }
        }
    }

    private static IEnumerable<LabelRow> ReadAllIterator(Stream stream)
    {
        using var splitter = new TopLevelJsonSplitter(stream);
        var path = new JsonPath();
        while (splitter.TryReadNext(out var element))
        {
            yield return ParseElement(element, splitter, path);
        }
    }

    private static IEnumerable<LabelRowReadResult> ReadEachIterator(Stream stream)
    {
        using var splitter = new TopLevelJsonSplitter(stream);
        var path = new JsonPath();
        while (true)
        {
            LabelRowReadResult result;
            try
            {
                if (!splitter.TryReadNext(out var element))
                {
                    yield break;
                }
                result = new LabelRowReadResult(splitter.IsSingle ? -1 : splitter.Index, ParseElement(element, splitter, path), null);
            }
            catch (LabelFormatException e)
            {
                result = new LabelRowReadResult(splitter.Index, null, e);
            }
            yield return result;
        }
    }

    private static LabelRow ParseElement(ReadOnlyMemory<byte> element, TopLevelJsonSplitter splitter, JsonPath path)
    {
        path.Truncate(0);
        if (!splitter.IsSingle)
        {
            path.Push(splitter.Index);
        }
        using var document = JsonDocument.Parse(element, DocumentOptions);
        try
        {
            return LabelRowParser.Parse(document.RootElement, path);
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            // The JSON reader checks UTF-8 only when a string is decoded; the path is where decoding failed.
            throw new LabelFormatException(path.ToString(), "a string or property name here is not valid UTF-8", e);
        }
    }
}
