namespace Labelport.Core.Masks;

/// <summary>How the pixels of an h×w byte mask are laid out in memory.</summary>
public enum MaskOrder
{
    /// <summary>Fortran / COCO order: index = column * height + row (runs go down a column).</summary>
    ColumnMajor,

    /// <summary>C / Encord order: index = row * width + column (runs go along a row).</summary>
    RowMajor,
}
