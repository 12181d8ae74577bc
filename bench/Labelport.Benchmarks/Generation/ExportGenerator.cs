using System.Globalization;
using Labelport.Core.Encord;
using Labelport.Core.Model;

namespace Labelport.Benchmarks.Generation;

/// <summary>
/// A deterministic, seeded generator of large web-app exports over <see cref="GeneratedOntology"/>: videos with tracked
/// objects and dynamic attributes, images, image groups and image sequences, DICOM series; boxes, rotatable boxes,
/// polygons (incl. multi-polygons with holes, with nested attributes), polylines, points, skeletons (both visibility
/// forms) and optional 1080p bitmasks; static and dynamic attributes, frame and global classifications.
/// Rows are produced one at a time (<see cref="Rows"/>), so exports of any size stream with flat memory.
/// Every generated row validates against the ontology without problems.
/// </summary>
public sealed partial class ExportGenerator(ExportGeneratorOptions options)
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private MaskLibrary? _masks;

    public ExportGeneratorOptions Options { get; } = options;

    /// <summary>The rows, generated lazily; enumerating twice yields the same rows.</summary>
    public IEnumerable<LabelRow> Rows()
    {
        var random = new Random(Options.Seed);
        if (Options.BitmaskShare > 0)
        {
            _masks ??= new MaskLibrary(Options.Width, Options.Height, 6, new Random(Options.Seed ^ 0x5A5A));
        }
        for (var i = 0; i < Options.Rows; i++)
        {
            yield return NextRow(random, i);
        }
    }

    /// <summary>Writes the whole export (a JSON array) to <paramref name="stream"/>; returns the rows written.</summary>
    public long WriteExport(Stream stream, LabelRowWriterOptions? writerOptions = null)
    {
        using var writer = new LabelRowWriter(stream, writerOptions);
        writer.WriteStartArray();
        foreach (var row in Rows())
        {
            writer.Write(row);
            writer.FlushIfNeeded();
        }
        writer.WriteEndArray();
        writer.Flush();
        return writer.RowsWritten;
    }

    /// <summary>The export as bytes (for benchmarks and tests that need it in memory).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteExport(buffer);
        return buffer.ToArray();
    }

    private LabelRow NextRow(Random random, int index)
    {
        var kind = random.Next(10) switch
        {
            < 4 => "video",
            < 7 => "image",
            < 9 => "img_group",
            _ => "dicom",
        };
        var created = Epoch.AddSeconds(random.Next(30_000_000));
        var row = new LabelRow
        {
            LabelHash = Uuid(random),
            DataHash = Uuid(random),
            DatasetHash = "6b1f2c9e-0d4a-4c1e-9a57-3f0c2d8e7b11",
            DatasetTitle = "Generated dataset",
            DataTitle = kind + "-" + index.ToString(CultureInfo.InvariantCulture) + (kind == "video" ? ".mp4" : kind == "image" ? ".jpg" : ""),
            DataType = kind,
            CreatedAt = created.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            LastEditedAt = created.AddHours(random.Next(1, 500)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            LabelStatusName = StatusNames.AllLabelStatuses[random.Next(StatusNames.AllLabelStatuses.Count)],
            AnnotationTaskStatusName = StatusNames.AllAnnotationTaskStatuses[random.Next(StatusNames.AllAnnotationTaskStatuses.Count)],
            IsValid = true,
        };
        if (random.Next(3) == 0)
        {
            row.ExportHistory.Add(new ExportHistoryEntry
            {
                ExportHash = Uuid(random),
                ExportedAt = EncordDates.Format(created.AddDays(3)),
                UserEmail = "exporter@example.com",
            });
        }
        switch (kind)
        {
            case "video":
                AddVideo(random, row, "video/mp4", Options.Width, Options.Height);
                break;
            case "dicom":
                AddVideo(random, row, "application/dicom", 512, 512);
                break;
            case "image":
                AddImage(random, row, row.DataHash, row.DataTitle!, 0, sequenceIsString: false);
                break;
            default:
                row.IsImageSequence = random.Next(2) == 0;
                row.VideoLink = row.IsImageSequence == true ? "generated/sequences/" + row.DataHash + ".mp4" : null;
                for (var i = 0; i < Options.ImagesPerGroup; i++)
                {
                    AddImage(random, row, Uuid(random), "frame-" + i.ToString(CultureInfo.InvariantCulture) + ".png", i, sequenceIsString: false);
                }
                break;
        }
        AddGlobalClassification(random, row, created);
        return row;
    }

    private void AddVideo(Random random, LabelRow row, string mime, int width, int height)
    {
        var frames = Options.FramesPerVideo;
        var unit = new DataUnit
        {
            DataHash = row.DataHash,
            DataTitle = row.DataTitle,
            DataLink = mime == "application/dicom" ? null : "generated/videos/" + row.DataHash + ".mp4",
            DataType = mime,
            DataSequence = 0,
            Width = width,
            Height = height,
            LabelsByFrame = true,
        };
        if (mime != "application/dicom")
        {
            unit.DataFps = 25.0;
            unit.DataDuration = frames / 25.0;
        }
        for (var f = 0; f < frames; f++)
        {
            unit.Frames.Add(new FrameLabels { Frame = f });
        }
        var allowMasks = width == Options.Width && height == Options.Height;
        for (var t = 0; t < Options.ObjectsPerFrame; t++)
        {
            var track = NewTrack(random, allowMasks);
            for (var f = 0; f < frames; f++)
            {
                unit.Frames[f].Objects.Add(track.At(random, f));
            }
            AddObjectAnswers(random, row, track.Template);
            AddDynamicAnswers(random, row, track.Template, frames);
        }
        var weather = NewClassification(random, row);
        foreach (var frame in unit.Frames)
        {
            frame.Classifications.Add(weather.Copy());
        }
        row.DataUnits.Add(unit.DataHash, unit);
    }

    private void AddImage(Random random, LabelRow row, string hash, string title, int sequence, bool sequenceIsString)
    {
        var unit = new DataUnit
        {
            DataHash = hash,
            DataTitle = title,
            DataLink = "generated/images/" + hash,
            DataType = title.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg",
            DataSequence = sequence,
            DataSequenceIsString = sequenceIsString,
            Width = Options.Width,
            Height = Options.Height,
        };
        var frame = new FrameLabels { Frame = sequence };
        for (var o = 0; o < Options.ObjectsPerFrame; o++)
        {
            var track = NewTrack(random, allowMasks: true);
            frame.Objects.Add(track.At(random, 0));
            AddObjectAnswers(random, row, track.Template);
        }
        frame.Classifications.Add(NewClassification(random, row).Copy());
        unit.Frames.Add(frame);
        row.DataUnits.Add(hash, unit);
    }

    private static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    /// <summary>An 8-character object/classification hash like Encord's (base64 of 6 random bytes).</summary>
    private static string ShortHash(Random random)
    {
        Span<byte> bytes = stackalloc byte[6];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    private static string Date(Random random) =>
        Epoch.AddSeconds(random.Next(30_000_000)).ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    /// <summary>A coordinate in [lo, hi] with 6 decimals, like editor output.</summary>
    private static double Coordinate(Random random, double lo, double hi) => Math.Round(lo + ((hi - lo) * random.NextDouble()), 6);
}
