using System.Text.Json;

namespace Labelport.Core.Encord;

/// <summary>Pre-encoded property names of the Encord label-row format.</summary>
internal static class EncordNames
{
    public static readonly JsonEncodedText LabelHash = JsonEncodedText.Encode("label_hash");

    public static readonly JsonEncodedText BranchName = JsonEncodedText.Encode("branch_name");

    public static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("created_at");

    public static readonly JsonEncodedText LastEditedAt = JsonEncodedText.Encode("last_edited_at");

    public static readonly JsonEncodedText DatasetHash = JsonEncodedText.Encode("dataset_hash");

    public static readonly JsonEncodedText DatasetTitle = JsonEncodedText.Encode("dataset_title");

    public static readonly JsonEncodedText DataTitle = JsonEncodedText.Encode("data_title");

    public static readonly JsonEncodedText DataHash = JsonEncodedText.Encode("data_hash");

    public static readonly JsonEncodedText DataType = JsonEncodedText.Encode("data_type");

    public static readonly JsonEncodedText IsImageSequence = JsonEncodedText.Encode("is_image_sequence");

    public static readonly JsonEncodedText VideoLink = JsonEncodedText.Encode("video_link");

    public static readonly JsonEncodedText IsValid = JsonEncodedText.Encode("is_valid");

    public static readonly JsonEncodedText DataUnits = JsonEncodedText.Encode("data_units");

    public static readonly JsonEncodedText ObjectAnswers = JsonEncodedText.Encode("object_answers");

    public static readonly JsonEncodedText ClassificationAnswers = JsonEncodedText.Encode("classification_answers");

    public static readonly JsonEncodedText ObjectActions = JsonEncodedText.Encode("object_actions");

    public static readonly JsonEncodedText LabelStatus = JsonEncodedText.Encode("label_status");

    public static readonly JsonEncodedText AnnotationTaskStatus = JsonEncodedText.Encode("annotation_task_status");

    public static readonly JsonEncodedText IsShadowData = JsonEncodedText.Encode("is_shadow_data");

    public static readonly JsonEncodedText ExportHistory = JsonEncodedText.Encode("export_history");

    public static readonly JsonEncodedText ExportHash = JsonEncodedText.Encode("export_hash");

    public static readonly JsonEncodedText ExportedAt = JsonEncodedText.Encode("exported_at");

    public static readonly JsonEncodedText UserEmail = JsonEncodedText.Encode("user_email");

    public static readonly JsonEncodedText DataLink = JsonEncodedText.Encode("data_link");

    public static readonly JsonEncodedText DataSequence = JsonEncodedText.Encode("data_sequence");

    public static readonly JsonEncodedText Width = JsonEncodedText.Encode("width");

    public static readonly JsonEncodedText Height = JsonEncodedText.Encode("height");

    public static readonly JsonEncodedText DataDuration = JsonEncodedText.Encode("data_duration");

    public static readonly JsonEncodedText DataFps = JsonEncodedText.Encode("data_fps");

    public static readonly JsonEncodedText Labels = JsonEncodedText.Encode("labels");

    public static readonly JsonEncodedText Objects = JsonEncodedText.Encode("objects");

    public static readonly JsonEncodedText Classifications = JsonEncodedText.Encode("classifications");

    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");

    public static readonly JsonEncodedText Color = JsonEncodedText.Encode("color");

    public static readonly JsonEncodedText Shape = JsonEncodedText.Encode("shape");

    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");

    public static readonly JsonEncodedText CamelCreatedAt = JsonEncodedText.Encode("createdAt");

    public static readonly JsonEncodedText CreatedBy = JsonEncodedText.Encode("createdBy");

    public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");

    public static readonly JsonEncodedText ObjectHash = JsonEncodedText.Encode("objectHash");

    public static readonly JsonEncodedText FeatureHash = JsonEncodedText.Encode("featureHash");

    public static readonly JsonEncodedText ManualAnnotation = JsonEncodedText.Encode("manualAnnotation");

    public static readonly JsonEncodedText CamelLastEditedAt = JsonEncodedText.Encode("lastEditedAt");

    public static readonly JsonEncodedText LastEditedBy = JsonEncodedText.Encode("lastEditedBy");

    public static readonly JsonEncodedText IsDeleted = JsonEncodedText.Encode("isDeleted");

    public static readonly JsonEncodedText BoundingBox = JsonEncodedText.Encode("boundingBox");

    public static readonly JsonEncodedText RotatableBoundingBox = JsonEncodedText.Encode("rotatableBoundingBox");

    public static readonly JsonEncodedText Polygon = JsonEncodedText.Encode("polygon");

    public static readonly JsonEncodedText Polygons = JsonEncodedText.Encode("polygons");

    public static readonly JsonEncodedText Polyline = JsonEncodedText.Encode("polyline");

    public static readonly JsonEncodedText Point = JsonEncodedText.Encode("point");

    public static readonly JsonEncodedText Bitmask = JsonEncodedText.Encode("bitmask");

    public static readonly JsonEncodedText Skeleton = JsonEncodedText.Encode("skeleton");

    public static readonly JsonEncodedText X = JsonEncodedText.Encode("x");

    public static readonly JsonEncodedText Y = JsonEncodedText.Encode("y");

    public static readonly JsonEncodedText Z = JsonEncodedText.Encode("z");

    public static readonly JsonEncodedText W = JsonEncodedText.Encode("w");

    public static readonly JsonEncodedText H = JsonEncodedText.Encode("h");

    public static readonly JsonEncodedText Theta = JsonEncodedText.Encode("theta");

    public static readonly JsonEncodedText Top = JsonEncodedText.Encode("top");

    public static readonly JsonEncodedText Left = JsonEncodedText.Encode("left");

    public static readonly JsonEncodedText RleString = JsonEncodedText.Encode("rleString");

    public static readonly JsonEncodedText Visibility = JsonEncodedText.Encode("visibility");

    public static readonly JsonEncodedText Invisible = JsonEncodedText.Encode("invisible");

    public static readonly JsonEncodedText Occluded = JsonEncodedText.Encode("occluded");

    public static readonly JsonEncodedText SelfOccluded = JsonEncodedText.Encode("selfOccluded");

    public static readonly JsonEncodedText Visible = JsonEncodedText.Encode("visible");

    public static readonly JsonEncodedText ClassificationHash = JsonEncodedText.Encode("classificationHash");

    public static readonly JsonEncodedText Answers = JsonEncodedText.Encode("answers");

    public static readonly JsonEncodedText Actions = JsonEncodedText.Encode("actions");

    public static readonly JsonEncodedText Dynamic = JsonEncodedText.Encode("dynamic");

    public static readonly JsonEncodedText Range = JsonEncodedText.Encode("range");

    public static readonly JsonEncodedText ShouldPropagate = JsonEncodedText.Encode("shouldPropagate");

    public static readonly JsonEncodedText TrackHash = JsonEncodedText.Encode("trackHash");
}
