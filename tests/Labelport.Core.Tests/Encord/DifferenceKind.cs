namespace Labelport.Core.Tests.Encord;

internal enum DifferenceKind
{
    Added,
    Removed,
    Changed,
}
