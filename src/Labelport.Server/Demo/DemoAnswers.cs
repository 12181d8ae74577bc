using Labelport.Core.Model;

namespace Labelport.Server.Demo;

/// <summary>Attribute and classification answers for the demo rows.</summary>
internal static class DemoAnswers
{
    /// <summary>Car: Colour = Red with the nested Shade = Dark, Features = [Roof box], Note = text.</summary>
    public static ObjectAnswer Car(string objectHash, string note)
    {
        var answer = new ObjectAnswer { ObjectHash = objectHash };
        answer.Classifications.Add(Radio("Colour", "colour", DemoOntology.Colour, "Red", "red", DemoOntology.Red));
        answer.Classifications.Add(Radio("Shade", "shade", DemoOntology.Shade, "Dark", "dark", DemoOntology.Dark));
        var features = Options("Features", "features", DemoOntology.Features);
        features.Options.Add(new OptionAnswer { Name = "Roof box", Value = "roof_box", FeatureHash = DemoOntology.Roof });
        answer.Classifications.Add(features);
        answer.Classifications.Add(new AttributeAnswer { Name = "Note", Value = "note", FeatureHash = DemoOntology.Note, Kind = AnswerKind.Text, Text = note, ManualAnnotation = true });
        return answer;
    }

    public static ObjectAnswer Lake(string objectHash)
    {
        var answer = new ObjectAnswer { ObjectHash = objectHash };
        answer.Classifications.Add(Radio("Water", "water", DemoOntology.Water, "Muddy", "muddy", DemoOntology.Muddy));
        return answer;
    }

    /// <summary>The dynamic Moving attribute of a car track: yes on frames [0, split-1], no on [split, last].</summary>
    public static ObjectAction Moving(string objectHash, int split, int lastFrame)
    {
        var action = new ObjectAction { ObjectHash = objectHash };
        var yes = Radio("Moving", "moving", DemoOntology.Moving, "Yes", "yes", DemoOntology.Yes);
        yes.Dynamic = true;
        yes.Ranges = [new FrameRange(0, split - 1)];
        yes.ShouldPropagate = false;
        var no = Radio("Moving", "moving", DemoOntology.Moving, "No", "no", DemoOntology.No);
        no.Dynamic = true;
        no.Ranges = [new FrameRange(split, lastFrame)];
        no.ShouldPropagate = false;
        action.Actions.Add(yes);
        action.Actions.Add(no);
        return action;
    }

    public static ClassificationInstance TimeOfDayInstance(string classificationHash, string createdAt, string createdBy) => new()
    {
        ClassificationHash = classificationHash,
        FeatureHash = DemoOntology.TimeOfDay,
        Name = "Time of day",
        Value = "time_of_day",
        CreatedAt = createdAt,
        CreatedBy = createdBy,
        Confidence = 1,
        ManualAnnotation = true,
    };

    public static ClassificationAnswer TimeOfDay(string classificationHash, bool night)
    {
        var answer = new ClassificationAnswer { ClassificationHash = classificationHash, FeatureHash = DemoOntology.TimeOfDay };
        answer.Classifications.Add(night
            ? Radio("Time of day", "time_of_day", DemoOntology.TimeAttribute, "Night", "night", DemoOntology.Night)
            : Radio("Time of day", "time_of_day", DemoOntology.TimeAttribute, "Day", "day", DemoOntology.Day));
        return answer;
    }

    public static ClassificationInstance TagsInstance(string classificationHash, string createdAt, string createdBy) => new()
    {
        ClassificationHash = classificationHash,
        FeatureHash = DemoOntology.Tags,
        Name = "Tags",
        Value = "tags",
        CreatedAt = createdAt,
        CreatedBy = createdBy,
        Confidence = 1,
        ManualAnnotation = true,
    };

    public static ClassificationAnswer Tags(string classificationHash)
    {
        var answer = new ClassificationAnswer { ClassificationHash = classificationHash, FeatureHash = DemoOntology.Tags };
        var tags = Options("Tags", "tags", DemoOntology.TagsAttribute);
        tags.Options.Add(new OptionAnswer { Name = "Busy", Value = "busy", FeatureHash = DemoOntology.Busy });
        tags.Options.Add(new OptionAnswer { Name = "Blurry", Value = "blurry", FeatureHash = DemoOntology.Blurry });
        answer.Classifications.Add(tags);
        return answer;
    }

    /// <summary>The global Caption classification (answers only: global classifications have no frame instance).</summary>
    public static ClassificationAnswer Caption(string classificationHash, string text)
    {
        var answer = new ClassificationAnswer { ClassificationHash = classificationHash, FeatureHash = DemoOntology.Caption };
        answer.Classifications.Add(new AttributeAnswer { Name = "Caption", Value = "caption", FeatureHash = DemoOntology.CaptionAttribute, Kind = AnswerKind.Text, Text = text, ManualAnnotation = true });
        return answer;
    }

    private static AttributeAnswer Radio(string name, string value, string featureHash, string optionName, string optionValue, string optionHash)
    {
        var answer = Options(name, value, featureHash);
        answer.Options.Add(new OptionAnswer { Name = optionName, Value = optionValue, FeatureHash = optionHash });
        return answer;
    }

    private static AttributeAnswer Options(string name, string value, string featureHash) =>
        new() { Name = name, Value = value, FeatureHash = featureHash, Kind = AnswerKind.Options, ManualAnnotation = true };
}
