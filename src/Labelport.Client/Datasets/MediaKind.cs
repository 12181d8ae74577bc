namespace Labelport.Client;

/// <summary>How uploaded files become data items.</summary>
public enum MediaKind
{
    /// <summary>Each file is its own image data item (the default).</summary>
    Image,

    /// <summary>Each file is a video.</summary>
    Video,

    /// <summary>All files form one image group, in order.</summary>
    ImageGroup,

    /// <summary>All files form one image sequence, in order.</summary>
    ImageSequence,
}
