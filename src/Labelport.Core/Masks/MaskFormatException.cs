namespace Labelport.Core.Masks;

/// <summary>An RLE string or counts list that cannot be a mask: bad characters, a truncated token, overflow, wrong pixel total.</summary>
public sealed class MaskFormatException : Exception
{
    public MaskFormatException()
    {
    }

    public MaskFormatException(string message)
        : base(message)
    {
    }

    public MaskFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
