using Labelport.Core.Model;

namespace Labelport.Benchmarks.Generation;

public sealed partial class ExportGenerator
{
    private static readonly (string Hash, string Label)[] Makes = [("genAudiO", "Audi"), ("genFiatO", "Fiat"), ("genVolvO", "Volvo")];
    private static readonly (string Hash, string Label)[] Damages = [("genDentO", "Dent"), ("genScrtO", "Scratch"), ("genRustO", "Rust")];
    private static readonly (string Hash, string Label)[] Weathers = [("genSunnO", "Sunny"), ("genRainO", "Rain"), ("genFogoO", "Fog")];

    /// <summary>Static attributes: every object gets an entry (possibly empty), as Encord writes it.</summary>
    private static void AddObjectAnswers(Random random, LabelRow row, ObjectInstance instance)
    {
        var answer = new ObjectAnswer { ObjectHash = instance.ObjectHash };
        if (instance.FeatureHash == GeneratedOntology.Box)
        {
            answer.Classifications.Add(Choose("Make", "genMakeA", random, Makes, 1));
            answer.Classifications.Add(Choose("Damage", "genDmgeA", random, Damages, random.Next(3)));
            answer.Classifications.Add(new AttributeAnswer { Name = "Plate", Value = "plate", FeatureHash = "genPlatA", Kind = AnswerKind.Text, Text = "AB-" + random.Next(1000, 9999), ManualAnnotation = true });
            answer.Classifications.Add(new AttributeAnswer { Name = "Passengers", Value = "passengers", FeatureHash = "genPassA", Kind = AnswerKind.Number, Number = random.Next(0, 6), NumberIsInteger = true, ManualAnnotation = true });
        }
        else if (instance.FeatureHash == GeneratedOntology.Polygon)
        {
            var asphalt = random.Next(2) == 0;
            if (asphalt)
            {
                // Nested attributes are flat entries, nested first (the SDK's order).
                answer.Classifications.Add(Choose("Condition", "genCondA", random, [("genGoodO", "Good"), ("genPoorO", "Poor")], 1));
            }
            answer.Classifications.Add(Choose("Surface", "genSurfA", random, asphalt ? [("genAsphO", "Asphalt")] : [("genGravO", "Gravel")], 1));
        }
        row.ObjectAnswers[instance.ObjectHash] = answer;
    }

    /// <summary>Dynamic attribute of boxes on videos: parked for a first stretch of frames, then moving.</summary>
    private static void AddDynamicAnswers(Random random, LabelRow row, ObjectInstance instance, int frames)
    {
        if (instance.FeatureHash != GeneratedOntology.Box || frames < 2)
        {
            return;
        }
        var split = random.Next(frames - 1);
        var action = new ObjectAction { ObjectHash = instance.ObjectHash };
        action.Actions.Add(Dynamic(random, "genPrkdO", "Parked", 0, split));
        action.Actions.Add(Dynamic(random, "genMovgO", "Moving", split + 1, frames - 1));
        row.ObjectActions[instance.ObjectHash] = action;
    }

    private static AttributeAnswer Dynamic(Random random, string optionHash, string label, int start, int end)
    {
        var answer = new AttributeAnswer
        {
            Name = "Motion",
            Value = "motion",
            FeatureHash = "genMotnA",
            Kind = AnswerKind.Options,
            ManualAnnotation = true,
            Dynamic = true,
            Ranges = [new FrameRange(start, end)],
            ShouldPropagate = false,
            TrackHash = Uuid(random),
        };
        answer.Options.Add(new OptionAnswer { Name = label, Value = label.ToLowerInvariant(), FeatureHash = optionHash });
        return answer;
    }

    private static GeneratedClassification NewClassification(Random random, LabelRow row)
    {
        var hash = ShortHash(random);
        var answer = new ClassificationAnswer { ClassificationHash = hash, FeatureHash = GeneratedOntology.WeatherClassification };
        answer.Classifications.Add(Choose("Weather", "genWthrA", random, Weathers, 1));
        row.ClassificationAnswers[hash] = answer;
        return new GeneratedClassification(hash, GeneratedOntology.WeatherClassification, "Weather", Date(random));
    }

    /// <summary>A global classification: answers only (range []), no per-frame instance.</summary>
    private static void AddGlobalClassification(Random random, LabelRow row, DateTimeOffset created)
    {
        var hash = ShortHash(random);
        var answer = new ClassificationAnswer { ClassificationHash = hash, FeatureHash = GeneratedOntology.SceneClassification };
        answer.Classifications.Add(new AttributeAnswer { Name = "Scene notes", Value = "scene_notes", FeatureHash = "genNoteA", Kind = AnswerKind.Text, Text = "generated " + created.ToString("O", System.Globalization.CultureInfo.InvariantCulture), ManualAnnotation = true });
        answer.Extras.Add("range", "[]"u8.ToArray());
        row.ClassificationAnswers[hash] = answer;
    }

    private static AttributeAnswer Choose(string name, string featureHash, Random random, (string Hash, string Label)[] options, int count)
    {
        var answer = new AttributeAnswer { Name = name, Value = name.ToLowerInvariant(), FeatureHash = featureHash, Kind = AnswerKind.Options, ManualAnnotation = true };
        var first = random.Next(options.Length);
        for (var i = 0; i < count && i < options.Length; i++)
        {
            var (hash, label) = options[(first + i) % options.Length];
            answer.Options.Add(new OptionAnswer { Name = label, Value = label.ToLowerInvariant(), FeatureHash = hash });
        }
        return answer;
    }
}
