using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Labelport.Core.Export;
using Labelport.Core.Model;
using Labelport.Core.Ontology;
using C = Labelport.Core.Coco.CocoNames;

namespace Labelport.Core.Coco;

/// <summary>
/// Writes Encord label rows as COCO (Encord's flavour, spec §12, with two fixes: dynamic attributes are looked up by
/// frame, and per label row). Streaming: rows are added one at a time; images go straight to the output while
/// annotations spill to a temporary file that is appended at <see cref="Complete"/>, so memory does not grow with
/// the export. Numbers are formatted as Python's <c>json.dumps</c> does.
/// </summary>
public sealed partial class CocoWriter : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Stream _output;
    private readonly OntologyStructure _ontology;
    private readonly CocoWriterOptions _options;
    private readonly Utf8JsonWriter _json;
    private readonly FileStream _spill;
    private readonly Utf8JsonWriter _annotations;
    private readonly Dictionary<string, int> _categoryIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _trackIds = new(StringComparer.Ordinal);
    private readonly CocoAttributeFlattener _flattener;
    private readonly ConversionSummary _losses = new();
    private bool _headerWritten;
    private bool _completed;
    private int _nextImageId;
    private int _nextAnnotationId;
    private int _nextTrackId;

    public CocoWriter(Stream output, OntologyStructure ontology, CocoWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(ontology);
        _output = output;
        _ontology = ontology;
        _options = options ?? new CocoWriterOptions();
        _json = new Utf8JsonWriter(output, WriterOptions with { Indented = _options.Indented });
        var spillPath = Path.Combine(_options.TemporaryFolder ?? Path.GetTempPath(), "labelport-coco-" + Guid.NewGuid().ToString("N") + ".tmp");
        _spill = new FileStream(spillPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _annotations = new Utf8JsonWriter(_spill, WriterOptions with { Indented = _options.Indented });
        _annotations.WriteStartArray();
        _flattener = new CocoAttributeFlattener(ontology);
        var id = 1;
        foreach (var o in ontology.Objects)
        {
            if (o.Shape is ShapeKind.Audio or ShapeKind.Text)
            {
                continue;
            }
            _categoryIds.TryAdd(o.FeatureNodeHash, id++);
        }
    }

    public long ImagesWritten => _nextImageId;

    public long AnnotationsWritten => _nextAnnotationId;

    /// <summary>Adds a row's images and annotations.</summary>
    public void Add(LabelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (!_headerWritten)
        {
            WriteHeader(row.DataTitle);
        }
        _trackIds.Clear();
        _flattener.BeginRow(row);
        CountRowLosses(row);
        foreach (var unit in row.DataUnits.Values)
        {
            AddUnit(row, unit);
        }
        if (_json.BytesPending > 256 * 1024)
        {
            _json.Flush();
        }
        if (_annotations.BytesPending > 256 * 1024)
        {
            _annotations.Flush();
        }
    }

    /// <summary>Ends the images array, appends the spilled annotations and closes the document.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (!_headerWritten)
        {
            WriteHeader(null);
        }
        _completed = true;
        _json.WriteEndArray();
        _json.WritePropertyName(C.Annotations);
        _json.Flush();
        _annotations.WriteEndArray();
        _annotations.Flush();
        _spill.Position = 0;
        _spill.CopyTo(_output);
        // The annotations value was written raw; close the root object by hand.
        _output.Write(_options.Indented ? "\n}"u8 : "}"u8);
        _output.Flush();
    }

    /// <summary>Adds what COCO could not carry (frame classifications, cuboids, …) to <paramref name="summary"/>.</summary>
    public void Report(ConversionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary.Images += _nextImageId;
        summary.Annotations += _nextAnnotationId;
        foreach (var (what, count) in _losses.Dropped)
        {
            summary.Drop(what, count);
        }
    }

    public void Dispose()
    {
        _json.Dispose();
        _annotations.Dispose();
        _spill.Dispose();
    }

    private void WriteHeader(string? description)
    {
        _headerWritten = true;
        var json = _json;
        json.WriteStartObject();
        json.WritePropertyName(C.Info);
        json.WriteStartObject();
        json.WriteString(C.Description, description);
        json.WriteNull(C.Contributor);
        json.WriteNull(C.DateCreated);
        json.WriteNull(C.Url);
        json.WriteNull(C.Version);
        json.WriteNull(C.Year);
        json.WriteEndObject();
        json.WritePropertyName(C.Categories);
        json.WriteStartArray();
        foreach (var o in _ontology.Objects)
        {
            if (!_categoryIds.TryGetValue(o.FeatureNodeHash, out var id))
            {
                continue;
            }
            json.WriteStartObject();
            json.WriteString(C.Supercategory, o.ShapeName);
            json.WriteNumber(C.Id, id);
            json.WriteString(C.Name, o.Name);
            if (o.Shape == ShapeKind.Point)
            {
                json.WriteString(C.Keypoints, "keypoint");
                json.WritePropertyName(C.Skeleton);
                json.WriteStartArray();
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName(C.Images);
        json.WriteStartArray();
    }

    private void AddUnit(LabelRow row, DataUnit unit)
    {
        var mime = unit.DataType ?? string.Empty;
        if (mime == "application/pdf" || IsText(mime) || row.DataType == "audio" || mime.StartsWith("audio/", StringComparison.Ordinal))
        {
            foreach (var frame in unit.Frames)
            {
                _losses.Drop("objects on PDF, text or audio units", frame.Objects.Count);
            }
            return;
        }
        var link = _options.DataLink is { } linkOf ? linkOf(row, unit) : unit.DataLink;
        if (unit.IsDicom || unit.IsNifti || mime.Contains("video", StringComparison.Ordinal))
        {
            if (mime.Contains("video", StringComparison.Ordinal) && !_options.IncludeVideos)
            {
                return;
            }
            foreach (var frame in unit.Frames)
            {
                var image = WriteFrameImage(unit, frame, link);
                AddAnnotations(row, unit, frame, image);
            }
            return;
        }
        var single = unit.Frames.Count > 0 ? unit.Frames[0] : null;
        var imageInfo = WriteImage(link, ImageTitleKind.Image, unit.DataTitle, "images/" + unit.DataHash + "." + Extension(unit.DataTitle), unit.Width ?? 0, unit.Height ?? 0);
        if (single is not null)
        {
            AddAnnotations(row, unit, single, imageInfo);
        }
    }

    private CocoImage WriteFrameImage(DataUnit unit, FrameLabels frame, string? link)
    {
        var frameText = frame.Frame.ToString(CultureInfo.InvariantCulture);
        if (unit.IsDicom)
        {
            if (frame.Extras.TryGet("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
            {
                var uid = metadata.TryGetProperty("dicom_instance_uid", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : frameText;
                var fileName = "dicom/" + unit.DataHash + "/" + uid;
                if (metadata.TryGetProperty("multiframe_frame_number", out var n) && n.ValueKind == JsonValueKind.Number)
                {
                    fileName += "/" + n.GetRawText();
                }
                var url = metadata.TryGetProperty("file_uri", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : "";
                var width = metadata.TryGetProperty("width", out var w) && w.TryGetInt32(out var wi) ? wi : unit.Width ?? 0;
                var height = metadata.TryGetProperty("height", out var h) && h.TryGetInt32(out var hi) ? hi : unit.Height ?? 0;
                return WriteImage(url, ImageTitleKind.None, null, fileName, width, height);
            }
            return WriteImage("", ImageTitleKind.None, null, "dicom/" + unit.DataHash + "/" + frameText, unit.Width ?? 0, unit.Height ?? 0);
        }
        if (unit.IsNifti)
        {
            return WriteImage(link, ImageTitleKind.None, null, "nifti/" + unit.DataHash + "/" + frameText, unit.Width ?? 0, unit.Height ?? 0);
        }
        return WriteImage(link, ImageTitleKind.Video, unit.DataTitle, "videos/" + unit.DataHash + "/" + frameText + ".jpg", unit.Width ?? 0, unit.Height ?? 0);
    }

    private CocoImage WriteImage(string? url, ImageTitleKind titleKind, string? title, string fileName, int width, int height)
    {
        var json = _json;
        var id = _nextImageId++;
        json.WriteStartObject();
        json.WriteString(C.CocoUrl, url);
        json.WriteNumber(C.Id, id);
        if (titleKind == ImageTitleKind.Image)
        {
            json.WriteString(C.ImageTitle, title);
        }
        else if (titleKind == ImageTitleKind.Video)
        {
            json.WriteString(C.VideoTitle, title);
        }
        json.WriteString(C.FileName, fileName);
        json.WriteNumber(C.Height, height);
        json.WriteNumber(C.Width, width);
        json.WriteEndObject();
        return new CocoImage(id, Math.Max(1, width), Math.Max(1, height));
    }

    private void CountRowLosses(LabelRow row)
    {
        foreach (var unit in row.DataUnits.Values)
        {
            foreach (var frame in unit.Frames)
            {
                _losses.Drop("frame classification instances", frame.Classifications.Count);
            }
        }
        foreach (var answer in row.ClassificationAnswers.Values)
        {
            if (answer.FeatureHash is not null && _ontology.TryGetClassification(answer.FeatureHash, out var c) && c.IsGlobal)
            {
                _losses.Drop("global classifications");
            }
        }
    }

    private static bool IsText(string mime) =>
        mime is "application/json" or "application/xml" or "text/plain" or "text/html" or "text/xml";

    /// <summary>The text after the last dot of the title (the whole title when there is none), as Encord names image files.</summary>
    private static string Extension(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return string.Empty;
        }
        var dot = title.LastIndexOf('.');
        return dot < 0 ? title : title[(dot + 1)..];
    }

    private enum ImageTitleKind
    {
        None,
        Image,
        Video,
    }

    private readonly record struct CocoImage(int Id, int Width, int Height);
}
