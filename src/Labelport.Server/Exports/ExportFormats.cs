namespace Labelport.Server.Exports;

/// <summary>The export formats of <see cref="ExportRequest.Format"/> (docs/rest-api.md).</summary>
public static class ExportFormats
{
    /// <summary>Encord JSON: an array of label rows in the web-app export dialect.</summary>
    public const string Json = "json";

    /// <summary>COCO (Encord's flavour).</summary>
    public const string Coco = "coco";

    public static bool IsKnown(string? format) => format is Json or Coco;
}
