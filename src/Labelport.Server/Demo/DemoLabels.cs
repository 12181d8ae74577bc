using Labelport.Core.Model;
using Labelport.Storage.Records;

namespace Labelport.Server.Demo;

/// <summary>
/// The demo's label rows: six single images in the six label statuses (the first unlabelled), an image group, an
/// image sequence and a video with a car track carrying a dynamic attribute — every 2-D shape, a multi-polygon with
/// a hole, a bitmask, nested, frame-level and global classification answers.
/// </summary>
internal static class DemoLabels
{
    private const string Annotator = "demo-annotator@labelport.local";

    public static List<LabelRow> Build(IReadOnlyList<DataItemRecord> images, DataItemRecord group, DataItemRecord sequence, DataItemRecord video, string datasetTitle, DateTimeOffset now)
    {
        var rows = new List<LabelRow>();
        var statuses = StatusNames.AllLabelStatuses;
        string[] tasks = ["QUEUED", "ASSIGNED", "IN_REVIEW", "IN_REVIEW", "COMPLETED", "COMPLETED"];
        for (var i = 0; i < images.Count; i++)
        {
            var edited = now.AddHours(-(images.Count - i));
            var row = NewRow(images[i], datasetTitle, statuses[i % statuses.Count], tasks[i % tasks.Length], edited);
            if (i > 0)
            {
                var shapes = new DemoShapes(EncordDates.Format(edited), Annotator);
                LabelImage(row, row.DataUnits.Values.First().Frames[0], shapes, i);
            }
            rows.Add(row);
        }
        rows.Add(LabelGroup(NewRow(group, datasetTitle, "LABELLED", "IN_REVIEW", now.AddMinutes(-30)), now.AddMinutes(-30)));
        rows.Add(LabelGroup(NewRow(sequence, datasetTitle, "REVIEWED", "COMPLETED", now.AddMinutes(-20)), now.AddMinutes(-20)));
        rows.Add(LabelVideo(NewRow(video, datasetTitle, "LABEL_IN_PROGRESS", "ASSIGNED", now.AddMinutes(-10)), now.AddMinutes(-10)));
        return rows;
    }

    private static LabelRow NewRow(DataItemRecord item, string datasetTitle, string status, string taskStatus, DateTimeOffset edited)
    {
        var row = new LabelRow
        {
            DataHash = item.DataHash,
            DataTitle = item.Title,
            DataType = item.DataType,
            DatasetHash = item.DatasetHash,
            DatasetTitle = datasetTitle,
            IsImageSequence = item.DataType == "img_group" ? item.IsImageSequence : null,
            CreatedAt = EncordDates.Format(edited.AddDays(-1)),
            LastEditedAt = EncordDates.Format(edited),
            LabelStatusName = status,
            AnnotationTaskStatusName = taskStatus,
        };
        foreach (var unit in item.Units.OrderBy(u => u.Sequence))
        {
            var isVideo = unit.MimeType.StartsWith("video/", StringComparison.Ordinal);
            var dataUnit = new DataUnit
            {
                DataHash = unit.DataHash,
                DataTitle = unit.Title,
                DataLink = "/api/data/" + unit.DataHash + "/media",
                DataType = unit.MimeType,
                DataSequence = unit.Sequence,
                Width = unit.Width,
                Height = unit.Height,
                LabelsByFrame = isVideo,
                DataFps = isVideo ? unit.Fps : null,
                DataDuration = isVideo && unit.Fps is > 0 && unit.Frames is { } frames ? frames / unit.Fps : null,
            };
            if (!isVideo)
            {
                dataUnit.Frames.Add(new FrameLabels { Frame = unit.Sequence });
            }
            row.DataUnits[unit.DataHash] = dataUnit;
        }
        return row;
    }

    private static void LabelImage(LabelRow row, FrameLabels frame, DemoShapes shapes, int variant)
    {
        var unit = row.DataUnits.Values.First(u => u.Frames.Contains(frame));
        var car = shapes.Car((40 + (variant * 30 % 200)) / (double)DemoMedia.ImageWidth, 130.0 / DemoMedia.ImageHeight);
        frame.Objects.Add(car);
        row.ObjectAnswers[car.ObjectHash] = DemoAnswers.Car(car.ObjectHash, "car " + variant);
        var lake = shapes.Lake();
        frame.Objects.Add(lake);
        row.ObjectAnswers[lake.ObjectHash] = DemoAnswers.Lake(lake.ObjectHash);
        frame.Objects.Add(shapes.Sign());
        frame.Objects.Add(shapes.Path());
        frame.Objects.Add(shapes.Lamp());
        frame.Objects.Add(shapes.Person());
        frame.Objects.Add(shapes.Grass(unit.Width ?? DemoMedia.ImageWidth, unit.Height ?? DemoMedia.ImageHeight));
        var time = shapes.NewHash();
        frame.Classifications.Add(DemoAnswers.TimeOfDayInstance(time, frame.Objects[0].CreatedAt!, frame.Objects[0].CreatedBy!));
        row.ClassificationAnswers[time] = DemoAnswers.TimeOfDay(time, night: variant % 2 == 0);
        if (variant % 2 == 1)
        {
            var tags = shapes.NewHash();
            frame.Classifications.Add(DemoAnswers.TagsInstance(tags, frame.Objects[0].CreatedAt!, frame.Objects[0].CreatedBy!));
            row.ClassificationAnswers[tags] = DemoAnswers.Tags(tags);
        }
        var caption = shapes.NewHash();
        row.ClassificationAnswers[caption] = DemoAnswers.Caption(caption, "Demo scene " + variant);
    }

    private static LabelRow LabelGroup(LabelRow row, DateTimeOffset edited)
    {
        var shapes = new DemoShapes(EncordDates.Format(edited), Annotator);
        var index = 0;
        foreach (var unit in row.DataUnits.Values)
        {
            var frame = unit.Frames[0];
            var car = shapes.Car((40 + (index * 30 % 200)) / (double)DemoMedia.ImageWidth, 130.0 / DemoMedia.ImageHeight);
            frame.Objects.Add(car);
            row.ObjectAnswers[car.ObjectHash] = DemoAnswers.Car(car.ObjectHash, "group image " + index);
            if (index == 0)
            {
                frame.Objects.Add(shapes.Grass(unit.Width ?? DemoMedia.ImageWidth, unit.Height ?? DemoMedia.ImageHeight));
                frame.Objects.Add(shapes.Lake());
            }
            index++;
        }
        var caption = shapes.NewHash();
        row.ClassificationAnswers[caption] = DemoAnswers.Caption(caption, row.IsImageSequence == true ? "An image sequence" : "An image group");
        return row;
    }

    private static LabelRow LabelVideo(LabelRow row, DateTimeOffset edited)
    {
        var shapes = new DemoShapes(EncordDates.Format(edited), Annotator);
        var unit = row.DataUnits.Values.First();
        var carHash = shapes.NewHash();
        var lastFrame = DemoMedia.VideoFrames - 1;
        for (var f = 0; f <= lastFrame; f++)
        {
            var frame = new FrameLabels { Frame = f };
            frame.Objects.Add(shapes.Car(0.02 + f * 0.035, 0.5, carHash));
            if (f == 0)
            {
                frame.Objects.Add(shapes.Grass(unit.Width ?? DemoMedia.VideoWidth, unit.Height ?? DemoMedia.VideoHeight));
            }
            unit.Frames.Add(frame);
        }
        row.ObjectAnswers[carHash] = DemoAnswers.Car(carHash, "the moving car");
        row.ObjectActions[carHash] = DemoAnswers.Moving(carHash, split: 10, lastFrame);
        var time = shapes.NewHash();
        unit.Frames[0].Classifications.Add(DemoAnswers.TimeOfDayInstance(time, EncordDates.Format(edited), Annotator));
        row.ClassificationAnswers[time] = DemoAnswers.TimeOfDay(time, night: false);
        var caption = shapes.NewHash();
        row.ClassificationAnswers[caption] = DemoAnswers.Caption(caption, "A test pattern video");
        return row;
    }
}
