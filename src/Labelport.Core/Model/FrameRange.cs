namespace Labelport.Core.Model;

/// <summary>An inclusive frame range <c>[Start, End]</c> of a dynamic answer.</summary>
public readonly record struct FrameRange(int Start, int End)
{
    public bool Contains(int frame) => frame >= Start && frame <= End;
}
