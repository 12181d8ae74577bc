using System.Text.Json;

namespace Labelport.Core.Coco;

/// <summary>Pre-encoded COCO property names.</summary>
internal static class CocoNames
{
    public static readonly JsonEncodedText Info = JsonEncodedText.Encode("info");
    public static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    public static readonly JsonEncodedText Contributor = JsonEncodedText.Encode("contributor");
    public static readonly JsonEncodedText DateCreated = JsonEncodedText.Encode("date_created");
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    public static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
    public static readonly JsonEncodedText Categories = JsonEncodedText.Encode("categories");
    public static readonly JsonEncodedText Supercategory = JsonEncodedText.Encode("supercategory");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Keypoints = JsonEncodedText.Encode("keypoints");
    public static readonly JsonEncodedText Skeleton = JsonEncodedText.Encode("skeleton");
    public static readonly JsonEncodedText Images = JsonEncodedText.Encode("images");
    public static readonly JsonEncodedText CocoUrl = JsonEncodedText.Encode("coco_url");
    public static readonly JsonEncodedText ImageTitle = JsonEncodedText.Encode("image_title");
    public static readonly JsonEncodedText VideoTitle = JsonEncodedText.Encode("video_title");
    public static readonly JsonEncodedText FileName = JsonEncodedText.Encode("file_name");
    public static readonly JsonEncodedText Height = JsonEncodedText.Encode("height");
    public static readonly JsonEncodedText Width = JsonEncodedText.Encode("width");
    public static readonly JsonEncodedText Annotations = JsonEncodedText.Encode("annotations");
    public static readonly JsonEncodedText Area = JsonEncodedText.Encode("area");
    public static readonly JsonEncodedText Bbox = JsonEncodedText.Encode("bbox");
    public static readonly JsonEncodedText CategoryId = JsonEncodedText.Encode("category_id");
    public static readonly JsonEncodedText ImageId = JsonEncodedText.Encode("image_id");
    public static readonly JsonEncodedText IsCrowd = JsonEncodedText.Encode("iscrowd");
    public static readonly JsonEncodedText Segmentation = JsonEncodedText.Encode("segmentation");
    public static readonly JsonEncodedText NumKeypoints = JsonEncodedText.Encode("num_keypoints");
    public static readonly JsonEncodedText Attributes = JsonEncodedText.Encode("attributes");
    public static readonly JsonEncodedText TrackId = JsonEncodedText.Encode("track_id");
    public static readonly JsonEncodedText EncordTrackUuid = JsonEncodedText.Encode("encord_track_uuid");
    public static readonly JsonEncodedText Rotation = JsonEncodedText.Encode("rotation");
    public static readonly JsonEncodedText Classifications = JsonEncodedText.Encode("classifications");
    public static readonly JsonEncodedText ManualAnnotation = JsonEncodedText.Encode("manual_annotation");
    public static readonly JsonEncodedText Size = JsonEncodedText.Encode("size");
    public static readonly JsonEncodedText Counts = JsonEncodedText.Encode("counts");
}
