namespace Labelport.Core.Model;

/// <summary>
/// The geometry of an object instance in normalised image coordinates (x, w as fractions of the width; y, h of the
/// height). A closed hierarchy: one sealed record per 2-D shape of spec §5.
/// </summary>
public abstract record ShapeGeometry
{
    private protected ShapeGeometry()
    {
    }
}
