namespace Labelport.Server.Demo;

/// <summary>
/// The demo project's ontology: one object per 2-D shape; the box carries nested radio, checklist and text
/// attributes and a dynamic (per-frame) radio; a frame-level radio and checklist classification, and a global text
/// classification; a 3-point skeleton template.
/// </summary>
internal static class DemoOntology
{
    public const string Car = "dmCar001";
    public const string Sign = "dmSign01";
    public const string Lake = "dmLake01";
    public const string Path = "dmPath01";
    public const string Lamp = "dmLamp01";
    public const string Person = "dmPers01";
    public const string Grass = "dmGras01";

    public const string Colour = "dmColrA1";
    public const string Red = "dmRedO01";
    public const string Blue = "dmBlueO1";
    public const string Shade = "dmShadA1";
    public const string Dark = "dmDarkO1";
    public const string Light = "dmLghtO1";
    public const string Features = "dmFeatA1";
    public const string Roof = "dmRoofO1";
    public const string Trailer = "dmTrlrO1";
    public const string Note = "dmNoteA1";
    public const string Moving = "dmMoveA1";
    public const string Yes = "dmYesO01";
    public const string No = "dmNoO001";
    public const string Water = "dmWatrA1";
    public const string Clear = "dmClrO01";
    public const string Muddy = "dmMudO01";

    public const string TimeOfDay = "dmTimeC1";
    public const string TimeAttribute = "dmTimeA1";
    public const string Day = "dmDayO01";
    public const string Night = "dmNghtO1";
    public const string Tags = "dmTagsC1";
    public const string TagsAttribute = "dmTagsA1";
    public const string Busy = "dmBusyO1";
    public const string Blurry = "dmBlurO1";
    public const string Caption = "dmCaptC1";
    public const string CaptionAttribute = "dmCaptA1";

    public const string Json = """
    {
      "objects": [
        {"id": "1", "name": "Car", "color": "#D33115", "shape": "bounding_box", "featureNodeHash": "dmCar001", "required": false, "archived": false,
         "attributes": [
          {"id": "1.1", "name": "Colour", "type": "radio", "featureNodeHash": "dmColrA1", "required": false, "dynamic": false, "options": [
            {"id": "1.1.1", "label": "Red", "value": "red", "featureNodeHash": "dmRedO01", "options": [
              {"id": "1.1.1.1", "name": "Shade", "type": "radio", "featureNodeHash": "dmShadA1", "required": false, "dynamic": false, "options": [
                {"id": "1.1.1.1.1", "label": "Dark", "value": "dark", "featureNodeHash": "dmDarkO1", "options": []},
                {"id": "1.1.1.1.2", "label": "Light", "value": "light", "featureNodeHash": "dmLghtO1", "options": []}]}]},
            {"id": "1.1.2", "label": "Blue", "value": "blue", "featureNodeHash": "dmBlueO1", "options": []}]},
          {"id": "1.2", "name": "Features", "type": "checklist", "featureNodeHash": "dmFeatA1", "required": false, "dynamic": false, "options": [
            {"id": "1.2.1", "label": "Roof box", "value": "roof_box", "featureNodeHash": "dmRoofO1"},
            {"id": "1.2.2", "label": "Trailer", "value": "trailer", "featureNodeHash": "dmTrlrO1"}]},
          {"id": "1.3", "name": "Note", "type": "text", "featureNodeHash": "dmNoteA1", "required": false, "dynamic": false},
          {"id": "1.4", "name": "Moving", "type": "radio", "featureNodeHash": "dmMoveA1", "required": false, "dynamic": true, "options": [
            {"id": "1.4.1", "label": "Yes", "value": "yes", "featureNodeHash": "dmYesO01", "options": []},
            {"id": "1.4.2", "label": "No", "value": "no", "featureNodeHash": "dmNoO001", "options": []}]}]},
        {"id": "2", "name": "Sign", "color": "#FE9200", "shape": "rotatable_bounding_box", "featureNodeHash": "dmSign01", "required": false, "archived": false},
        {"id": "3", "name": "Lake", "color": "#0062B1", "shape": "polygon", "featureNodeHash": "dmLake01", "required": false, "archived": false,
         "attributes": [
          {"id": "3.1", "name": "Water", "type": "radio", "featureNodeHash": "dmWatrA1", "required": false, "dynamic": false, "options": [
            {"id": "3.1.1", "label": "Clear", "value": "clear", "featureNodeHash": "dmClrO01", "options": []},
            {"id": "3.1.2", "label": "Muddy", "value": "muddy", "featureNodeHash": "dmMudO01", "options": []}]}]},
        {"id": "4", "name": "Path", "color": "#FCDC00", "shape": "polyline", "featureNodeHash": "dmPath01", "required": false, "archived": false},
        {"id": "5", "name": "Lamp", "color": "#A4DD00", "shape": "point", "featureNodeHash": "dmLamp01", "required": false, "archived": false},
        {"id": "6", "name": "Person", "color": "#68CCCA", "shape": "skeleton", "featureNodeHash": "dmPers01", "required": false, "archived": false},
        {"id": "7", "name": "Grass", "color": "#16A085", "shape": "bitmask", "featureNodeHash": "dmGras01", "required": false, "archived": false}
      ],
      "classifications": [
        {"id": "1", "featureNodeHash": "dmTimeC1", "attributes": [
          {"id": "1.1", "name": "Time of day", "type": "radio", "featureNodeHash": "dmTimeA1", "required": false, "dynamic": false, "options": [
            {"id": "1.1.1", "label": "Day", "value": "day", "featureNodeHash": "dmDayO01", "options": []},
            {"id": "1.1.2", "label": "Night", "value": "night", "featureNodeHash": "dmNghtO1", "options": []}]}]},
        {"id": "2", "featureNodeHash": "dmTagsC1", "attributes": [
          {"id": "2.1", "name": "Tags", "type": "checklist", "featureNodeHash": "dmTagsA1", "required": false, "dynamic": false, "options": [
            {"id": "2.1.1", "label": "Busy", "value": "busy", "featureNodeHash": "dmBusyO1"},
            {"id": "2.1.2", "label": "Blurry", "value": "blurry", "featureNodeHash": "dmBlurO1"}]}]},
        {"id": "3", "featureNodeHash": "dmCaptC1", "level": "global", "attributes": [
          {"id": "3.1", "name": "Caption", "type": "text", "featureNodeHash": "dmCaptA1", "required": false, "dynamic": false}]}
      ],
      "skeleton_templates": [
        {"template": {"name": "Walker", "shape": "skeleton", "width": 0.1, "height": 0.3, "feature_node_hash": "dmPers01",
          "skeleton": {
            "0": {"x": 0.5, "y": 0.1, "name": "head", "color": "#000000", "value": "head", "featureHash": "dmSkHead"},
            "1": {"x": 0.5, "y": 0.5, "name": "hip", "color": "#000000", "value": "hip", "featureHash": "dmSkHip1"},
            "2": {"x": 0.5, "y": 0.9, "name": "foot", "color": "#000000", "value": "foot", "featureHash": "dmSkFoot"}},
          "skeletonEdges": {"0": {"1": {"color": "#000000"}}, "1": {"2": {"color": "#000000"}}}}}
      ]
    }
    """;
}
