namespace Labelport.Client;

/// <summary>A skeleton point in pixels with its COCO visibility.</summary>
/// <param name="Point">Where the point is.</param>
/// <param name="Name">The point's name in the skeleton template, if any.</param>
/// <param name="Visibility">COCO visibility: 0 not labelled, 1 labelled but not visible (occluded), 2 visible.</param>
public sealed record PixelKeypoint(PixelPoint Point, string? Name, int Visibility);
