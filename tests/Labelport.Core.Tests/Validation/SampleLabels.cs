using System.Text.Json.Nodes;
using Labelport.Core.Ontology;

namespace Labelport.Core.Tests.Validation;

/// <summary>
/// A small ontology and a valid web-app video row (100×50 px, 10 frames) using every 2-D shape, static and dynamic
/// attributes and both classification levels. Bad-input tests break one thing in a copy of it.
/// </summary>
internal static class SampleLabels
{
    public const string OntologyJson = """
    {
      "objects": [
        {"id": "1", "name": "Box", "color": "#D33115", "shape": "bounding_box", "featureNodeHash": "boxF", "attributes": [
          {"id": "1.1", "name": "colour", "type": "radio", "featureNodeHash": "colourA", "dynamic": false, "options": [
            {"id": "1.1.1", "label": "red", "value": "red", "featureNodeHash": "redO"},
            {"id": "1.1.2", "label": "blue", "value": "blue", "featureNodeHash": "blueO"}]},
          {"id": "1.2", "name": "flags", "type": "checklist", "featureNodeHash": "flagsA", "dynamic": true, "options": [
            {"id": "1.2.1", "label": "moving", "value": "moving", "featureNodeHash": "movingO"},
            {"id": "1.2.2", "label": "occluded", "value": "occluded", "featureNodeHash": "occO"}]},
          {"id": "1.3", "name": "note", "type": "text", "featureNodeHash": "noteA"},
          {"id": "1.4", "name": "count", "type": "numeric", "featureNodeHash": "countA"}]},
        {"id": "2", "name": "Turned", "color": "#000000", "shape": "rotatable_bounding_box", "featureNodeHash": "rbbF"},
        {"id": "3", "name": "Area", "color": "#000000", "shape": "polygon", "featureNodeHash": "polyF"},
        {"id": "4", "name": "Line", "color": "#000000", "shape": "polyline", "featureNodeHash": "lineF"},
        {"id": "5", "name": "Dot", "color": "#000000", "shape": "point", "featureNodeHash": "dotF"},
        {"id": "6", "name": "Mask", "color": "#000000", "shape": "bitmask", "featureNodeHash": "maskF"},
        {"id": "7", "name": "Pose", "color": "#000000", "shape": "skeleton", "featureNodeHash": "poseF"}
      ],
      "classifications": [
        {"id": "1", "featureNodeHash": "weatherC", "attributes": [
          {"id": "1.1", "name": "weather", "type": "radio", "featureNodeHash": "weatherA", "options": [
            {"id": "1.1.1", "label": "sunny", "value": "sunny", "featureNodeHash": "sunnyO"},
            {"id": "1.1.2", "label": "rainy", "value": "rainy", "featureNodeHash": "rainyO"}]}]},
        {"id": "2", "featureNodeHash": "sceneC", "level": "global", "attributes": [
          {"id": "2.1", "name": "scene", "type": "text", "featureNodeHash": "sceneA"}]}
      ]
    }
    """;

    public const string RowJson = """
    {
      "label_hash": "L1", "created_at": "2025-01-07 16:12:23", "last_edited_at": "Fri, 01 Dec 2023 10:30:02 GMT",
      "dataset_hash": "DS", "dataset_title": "set", "data_title": "clip.mp4", "data_hash": "V1", "data_type": "video",
      "is_image_sequence": null, "video_link": null, "label_status": "LABELLED", "annotation_task_status": "COMPLETED",
      "data_units": {
        "du1": {
          "data_hash": "du1", "data_title": "clip.mp4", "data_link": "videos/clip.mp4", "data_type": "video/mp4",
          "data_sequence": 0, "width": 100, "height": 50, "data_fps": 25.0, "data_duration": 0.4,
          "labels": {
            "0": {
              "objects": [
                {"name": "Box", "color": "#D33115", "shape": "bounding_box", "value": "box", "createdAt": "Fri, 01 Dec 2023 10:30:02 GMT",
                 "createdBy": "a@b.c", "confidence": 1, "objectHash": "o1", "featureHash": "boxF", "manualAnnotation": true,
                 "boundingBox": {"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.4}},
                {"shape": "rotatable_bounding_box", "createdAt": null, "objectHash": "o2", "featureHash": "rbbF",
                 "rotatableBoundingBox": {"x": 0.1, "y": 0.1, "w": 0.2, "h": 0.2, "theta": 16.5}},
                {"shape": "polygon", "createdAt": null, "objectHash": "o3", "featureHash": "polyF",
                 "polygon": {"0": {"x": 0.1, "y": 0.1}, "1": {"x": 0.5, "y": 0.1}, "2": {"x": 0.5, "y": 0.5}},
                 "polygons": [[[0.1, 0.1, 0.5, 0.1, 0.5, 0.5], [0.2, 0.2, 0.3, 0.2, 0.3, 0.3]], [[0.6, 0.6, 0.9, 0.6, 0.9, 0.9]]]},
                {"shape": "polyline", "createdAt": null, "objectHash": "o4", "featureHash": "lineF",
                 "polyline": {"0": {"x": 0.1, "y": 0.1}, "1": {"x": 0.9, "y": 0.9}}},
                {"shape": "point", "createdAt": null, "objectHash": "o5", "featureHash": "dotF", "point": {"0": {"x": 0.5, "y": 0.5}}},
                {"shape": "bitmask", "createdAt": null, "objectHash": "o6", "featureHash": "maskF",
                 "bitmask": {"top": 0, "left": 0, "height": 50, "width": 100, "rleString": "`n1Xo0`n1"}},
                {"shape": "skeleton", "createdAt": null, "objectHash": "o7", "featureHash": "poseF",
                 "skeleton": {"0": {"x": 0.3, "y": 0.3, "featureHash": "p0", "visibility": "visible"},
                              "1": {"x": 0.7, "y": 0.3, "featureHash": "p1", "invisible": true, "occluded": false}}}
              ],
              "classifications": [
                {"name": "weather", "value": "weather", "createdAt": "Fri, 01 Dec 2023 10:30:02 GMT", "confidence": 1,
                 "featureHash": "weatherC", "classificationHash": "c1", "manualAnnotation": true}
              ]
            },
            "3": {"objects": [{"shape": "bounding_box", "createdAt": null, "objectHash": "o1", "featureHash": "boxF",
                               "boundingBox": {"x": 0.2, "y": 0.2, "w": 0.3, "h": 0.4}}], "classifications": []}
          }
        }
      },
      "object_answers": {
        "o1": {"objectHash": "o1", "classifications": [
          {"name": "colour", "value": "colour", "answers": [{"name": "red", "value": "red", "featureHash": "redO"}], "featureHash": "colourA", "manualAnnotation": true},
          {"name": "note", "value": "note", "answers": "a note", "featureHash": "noteA", "manualAnnotation": true},
          {"name": "count", "value": "count", "answers": 3, "featureHash": "countA", "manualAnnotation": true}]}
      },
      "classification_answers": {
        "c1": {"classificationHash": "c1", "featureHash": "weatherC", "classifications": [
          {"name": "weather", "value": "weather", "answers": [{"name": "sunny", "value": "sunny", "featureHash": "sunnyO"}], "featureHash": "weatherA", "manualAnnotation": true}]},
        "g1": {"classificationHash": "g1", "featureHash": "sceneC", "range": [], "classifications": [
          {"name": "scene", "value": "scene", "answers": "street", "featureHash": "sceneA", "manualAnnotation": true}]}
      },
      "object_actions": {
        "o1": {"objectHash": "o1", "actions": [
          {"name": "flags", "value": "flags", "answers": [{"name": "moving", "value": "moving", "featureHash": "movingO"}],
           "featureHash": "flagsA", "manualAnnotation": true, "dynamic": true, "range": [[0, 3]], "shouldPropagate": false, "trackHash": "t1"}]}
      },
      "export_history": [], "export_hash": null, "exported_at": null
    }
    """;

    public static OntologyStructure Ontology() => OntologyReader.Parse(OntologyJson);

    public static JsonObject Row() => JsonNode.Parse(RowJson)!.AsObject();

    public static JsonObject Unit(JsonObject row) => row["data_units"]!["du1"]!.AsObject();

    public static JsonObject Frame0(JsonObject row) => Unit(row)["labels"]!["0"]!.AsObject();

    public static JsonObject Object(JsonObject row, int index) => Frame0(row)["objects"]![index]!.AsObject();
}
