namespace Labelport.Storage.Files;

/// <summary>The shape every blob key must have, whatever the store (file system or S3).</summary>
public static class BlobKeys
{
    /// <summary>
    /// True for relative keys of lower-case <c>[a-z0-9._-]</c> segments separated by single <c>/</c>, where no segment
    /// is empty or starts with a dot (so no <c>.</c>, <c>..</c> or hidden names), at most 1024 characters.
    /// </summary>
    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 1024)
        {
            return false;
        }
        var segmentStart = true;
        foreach (var c in key)
        {
            if (c == '/')
            {
                if (segmentStart)
                {
                    return false;
                }
                segmentStart = true;
                continue;
            }
            if (segmentStart && c == '.')
            {
                return false;
            }
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return false;
            }
            segmentStart = false;
        }
        return !segmentStart;
    }
}
