using System.Text;

namespace Labelport.Core.Json;

/// <summary>
/// A mutable JSONPath builder (<c>$[2].data_units.abc.labels.0.objects[1].boundingBox.w</c>) that costs nothing
/// until an error needs its text: readers and validators push and pop segments as they descend.
/// </summary>
public sealed class JsonPath
{
    private readonly List<Segment> _segments = new(16);

    public int Depth => _segments.Count;

    public void Push(string propertyName) => _segments.Add(new Segment(propertyName, -1));

    public void Push(int index) => _segments.Add(new Segment(null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>Drops segments until <see cref="Depth"/> is <paramref name="depth"/> (after an exception unwound a branch).</summary>
    public void Truncate(int depth) => _segments.RemoveRange(depth, _segments.Count - depth);

    public string Child(string propertyName)
    {
        Push(propertyName);
        var text = ToString();
        Pop();
        return text;
    }

    public string Child(int index)
    {
        Push(index);
        var text = ToString();
        Pop();
        return text;
    }

    public override string ToString()
    {
        var builder = new StringBuilder("$", 64);
        foreach (var segment in _segments)
        {
            if (segment.Name is null)
            {
                builder.Append('[').Append(segment.Index).Append(']');
            }
            else if (IsPlainName(segment.Name))
            {
                builder.Append('.').Append(segment.Name);
            }
            else
            {
                builder.Append("['").Append(segment.Name.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }
        return builder.ToString();
    }

    // Hashes such as "EZ89BXK+" or "/bxlR5g2" and UUIDs stay readable in dotted form; only names that would
    // make the path ambiguous (dots, brackets, quotes, spaces, empty) are bracketed.
    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (c is '.' or '[' or ']' or '\'' or ' ' or '"' || char.IsControl(c))
            {
                return false;
            }
        }
        return true;
    }

    private readonly record struct Segment(string? Name, int Index);
}
