namespace Labelport.Core.Coco;

/// <summary>The kind of a <see cref="FlatValue"/>.</summary>
internal enum FlatKind
{
    Null,
    True,
    False,
    Text,
    Number,
}
