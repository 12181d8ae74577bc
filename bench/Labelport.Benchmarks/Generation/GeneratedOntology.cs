using Labelport.Core.Ontology;

namespace Labelport.Benchmarks.Generation;

/// <summary>
/// The ontology every generated export uses: one object per 2-D shape (the box carries static radio, checklist, text
/// and numeric attributes plus a dynamic radio; the polygon a nested radio), a frame-level and a global classification,
/// and a 4-point skeleton template. Feature hashes are fixed so generated files can be filtered by hash.
/// </summary>
public static class GeneratedOntology
{
    public const string Box = "genBox01";
    public const string RotatedBox = "genRbb01";
    public const string Polygon = "genPoly1";
    public const string Polyline = "genLine1";
    public const string Point = "genPnt01";
    public const string Skeleton = "genSkel1";
    public const string Bitmask = "genMask1";
    public const string WeatherClassification = "genWthr1";
    public const string SceneClassification = "genScen1";

    public const string Json = """
    {
      "objects": [
        {"id": "1", "name": "Vehicle", "color": "#D33115", "shape": "bounding_box", "featureNodeHash": "genBox01", "required": false, "archived": false,
         "attributes": [
          {"id": "1.1", "name": "Make", "type": "radio", "featureNodeHash": "genMakeA", "required": false, "dynamic": false, "options": [
            {"id": "1.1.1", "label": "Audi", "value": "audi", "featureNodeHash": "genAudiO", "options": []},
            {"id": "1.1.2", "label": "Fiat", "value": "fiat", "featureNodeHash": "genFiatO", "options": []},
            {"id": "1.1.3", "label": "Volvo", "value": "volvo", "featureNodeHash": "genVolvO", "options": []}]},
          {"id": "1.2", "name": "Damage", "type": "checklist", "featureNodeHash": "genDmgeA", "required": false, "dynamic": false, "options": [
            {"id": "1.2.1", "label": "Dent", "value": "dent", "featureNodeHash": "genDentO"},
            {"id": "1.2.2", "label": "Scratch", "value": "scratch", "featureNodeHash": "genScrtO"},
            {"id": "1.2.3", "label": "Rust", "value": "rust", "featureNodeHash": "genRustO"}]},
          {"id": "1.3", "name": "Plate", "type": "text", "featureNodeHash": "genPlatA", "required": false, "dynamic": false},
          {"id": "1.4", "name": "Passengers", "type": "numeric", "featureNodeHash": "genPassA", "required": false, "dynamic": false},
          {"id": "1.5", "name": "Motion", "type": "radio", "featureNodeHash": "genMotnA", "required": false, "dynamic": true, "options": [
            {"id": "1.5.1", "label": "Parked", "value": "parked", "featureNodeHash": "genPrkdO", "options": []},
            {"id": "1.5.2", "label": "Moving", "value": "moving", "featureNodeHash": "genMovgO", "options": []}]}]},
        {"id": "2", "name": "Sign", "color": "#FE9200", "shape": "rotatable_bounding_box", "featureNodeHash": "genRbb01", "required": false, "archived": false},
        {"id": "3", "name": "Road", "color": "#FCDC00", "shape": "polygon", "featureNodeHash": "genPoly1", "required": false, "archived": false,
         "attributes": [
          {"id": "3.1", "name": "Surface", "type": "radio", "featureNodeHash": "genSurfA", "required": false, "dynamic": false, "options": [
            {"id": "3.1.1", "label": "Asphalt", "value": "asphalt", "featureNodeHash": "genAsphO", "options": [
              {"id": "3.1.1.1", "name": "Condition", "type": "radio", "featureNodeHash": "genCondA", "required": false, "dynamic": false, "options": [
                {"id": "3.1.1.1.1", "label": "Good", "value": "good", "featureNodeHash": "genGoodO", "options": []},
                {"id": "3.1.1.1.2", "label": "Poor", "value": "poor", "featureNodeHash": "genPoorO", "options": []}]}]},
            {"id": "3.1.2", "label": "Gravel", "value": "gravel", "featureNodeHash": "genGravO", "options": []}]}]},
        {"id": "4", "name": "Lane", "color": "#DBDF00", "shape": "polyline", "featureNodeHash": "genLine1", "required": false, "archived": false},
        {"id": "5", "name": "Light", "color": "#A4DD00", "shape": "point", "featureNodeHash": "genPnt01", "required": false, "archived": false},
        {"id": "6", "name": "Person", "color": "#68CCCA", "shape": "skeleton", "featureNodeHash": "genSkel1", "required": false, "archived": false},
        {"id": "7", "name": "Sky", "color": "#73D8FF", "shape": "bitmask", "featureNodeHash": "genMask1", "required": false, "archived": false}
      ],
      "classifications": [
        {"id": "1", "featureNodeHash": "genWthr1", "attributes": [
          {"id": "1.1", "name": "Weather", "type": "radio", "featureNodeHash": "genWthrA", "required": false, "dynamic": false, "options": [
            {"id": "1.1.1", "label": "Sunny", "value": "sunny", "featureNodeHash": "genSunnO", "options": []},
            {"id": "1.1.2", "label": "Rain", "value": "rain", "featureNodeHash": "genRainO", "options": []},
            {"id": "1.1.3", "label": "Fog", "value": "fog", "featureNodeHash": "genFogoO", "options": []}]}]},
        {"id": "2", "featureNodeHash": "genScen1", "level": "global", "attributes": [
          {"id": "2.1", "name": "Scene notes", "type": "text", "featureNodeHash": "genNoteA", "required": false, "dynamic": false}]}
      ],
      "skeleton_templates": [
        {"template": {"name": "Stick", "shape": "skeleton", "width": 0.2, "height": 0.4, "feature_node_hash": "genSkel1",
          "skeleton": {
            "0": {"x": 0.5, "y": 0.1, "name": "head", "color": "#000000", "value": "head", "featureHash": "genSkP0h"},
            "1": {"x": 0.5, "y": 0.5, "name": "hip", "color": "#000000", "value": "hip", "featureHash": "genSkP1h"},
            "2": {"x": 0.3, "y": 0.9, "name": "left foot", "color": "#000000", "value": "left_foot", "featureHash": "genSkP2l"},
            "3": {"x": 0.7, "y": 0.9, "name": "right foot", "color": "#000000", "value": "right_foot", "featureHash": "genSkP3r"}},
          "skeletonEdges": {"0": {"1": {"color": "#000000"}}, "1": {"2": {"color": "#000000"}, "3": {"color": "#000000"}}}}}
      ]
    }
    """;

    private static readonly Lazy<OntologyStructure> Parsed = new(() => OntologyReader.Parse(Json));

    public static OntologyStructure Structure => Parsed.Value;
}
