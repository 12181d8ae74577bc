using Labelport.Benchmarks.Generation;
using Labelport.Core.Json;
using Labelport.Core.Model;
using Labelport.Core.Ontology;
using Labelport.Core.Tests.Encord;

namespace Labelport.Core.Tests.Validation;

/// <summary>The ontology model: shapes, attributes nested under radio options, global classifications, skeleton templates.</summary>
public sealed class OntologyReaderTests
{
    [Fact]
    public void Platform_ontology_has_every_shape_and_attributes_nested_under_radio_options()
    {
        var ontology = Fixtures.Ontology("platform_export");

        Assert.Equal(
            [ShapeKind.BoundingBox, ShapeKind.RotatableBoundingBox, ShapeKind.Polygon, ShapeKind.Polyline, ShapeKind.Bitmask, ShapeKind.Point, ShapeKind.Skeleton],
            ontology.Objects.Select(o => o.Shape));
        Assert.True(ontology.TryGetClassification("R3daKWYA", out var radio));
        Assert.Equal("radio", radio.Name);
        var option = radio.Attributes[0].Options.Single(o => o.Label == "radio 1");
        Assert.Equal(["MVDBTicG", "JE/BiaGw", "tY6bNKl3"], option.NestedAttributes.Select(a => a.FeatureNodeHash));
        Assert.True(ontology.TryGetAttribute("MVDBTicG", out var nested));
        Assert.Same(option.NestedAttributes[0], nested);
        Assert.True(ontology.TryGetOption("fd/FLN0x", out var checklistOption));
        Assert.Equal("checklist 1", checklistOption.Label);
        Assert.Equal([AttributeType.Radio, AttributeType.Checklist, AttributeType.Text], ontology.Classifications.Select(c => c.Attributes[0].Type));
    }

    [Fact]
    public void Global_classifications_and_skeleton_templates_are_read()
    {
        var sample = SampleLabels.Ontology();
        Assert.True(sample.TryGetClassification("sceneC", out var scene));
        Assert.True(scene.IsGlobal);
        Assert.False(sample.Classifications[0].IsGlobal);

        var template = Assert.Single(Fixtures.Ontology("skeleton").SkeletonTemplates);
        Assert.Equal("Square", template.Name);
        Assert.Equal(["point_0", "point_1", "point_2", "point_3"], template.Points.Select(p => p.Name));
        Assert.Equal("UWKgC/Db", template.Points[1].FeatureHash);
        Assert.Contains((0, 1), template.Edges);

        var generated = Assert.Single(GeneratedOntology.Structure.SkeletonTemplates);
        Assert.Equal([(0, 1), (1, 2), (1, 3)], generated.Edges);
    }

    [Theory]
    [InlineData("""{"objects": [{"name": "a", "shape": "bounding_box"}]}""", "$.objects[0].featureNodeHash", "required field is missing")]
    [InlineData("""{"objects": {"name": "a"}}""", "$.objects", "expected an array, found an object")]
    [InlineData("""{"objects": [{"name": "a", "shape": 3, "featureNodeHash": "h"}]}""", "$.objects[0].shape", "expected a string, found number 3")]
    [InlineData("""{"classifications": [{"featureNodeHash": "c", "attributes": [{"name": "n", "featureNodeHash": "a"}]}]}""", "$.classifications[0].attributes[0].type", "required field is missing")]
    [InlineData("""{"classifications": [{"featureNodeHash": "c", "attributes": [{"name": "n", "type": "radio", "featureNodeHash": "a", "options": [{"featureNodeHash": "o"}]}]}]}""", "$.classifications[0].attributes[0].options[0].label", "required field is missing")]
    [InlineData("""{"objects": [{"name": "a", "shape": "point", "featureNodeHash": "h", "required": "yes"}]}""", "$.objects[0].required", "expected true or false, found string \"yes\"")]
    [InlineData("""[1, 2]""", "$", "expected an object, found an array")]
    public void Bad_ontology_fails_with_path_and_value(string json, string path, string problem)
    {
        var error = Assert.Throws<LabelFormatException>(() => OntologyReader.Parse(json));
        Assert.Equal(path, error.Path);
        Assert.Equal(problem, error.Problem);
    }
}
