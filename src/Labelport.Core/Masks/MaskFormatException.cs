namespace Labelport.Core.Masks;

/// <summary>
/// The one domain error of the masks area: an RLE, counts string, polygon or PNG that cannot be a valid mask
/// (bad character, truncated token, counts that do not sum to h×w, corrupt PNG chunk...). The message says
/// where (character or byte offset, run index) and what.
/// </summary>
public sealed class MaskFormatException : FormatException
{
    public MaskFormatException(string message)
        : base(message)
    {
    }

    public MaskFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MaskFormatException()
    {
    }
}
