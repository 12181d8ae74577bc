namespace Labelport.Core.Masks;

/// <summary>
/// Turns unfiltered PNG rows into 0/1 (any colour sample &gt; 0, alpha ignored) and notices whether the image
/// has more than one non-zero pixel value (then it is not a binary mask and was thresholded).
/// </summary>
internal sealed class PngPixelClassifier(PngHeader header, byte[]? palette)
{
    private ulong _firstValue;

    public bool IsBinary { get; private set; } = true;

    public void Classify(ReadOnlySpan<byte> line, Span<byte> output)
    {
        var depth = header.BitDepth;
        var channels = header.Channels;
        var colourChannels = header.ColorType is 4 or 6 ? channels - 1 : channels;
        for (var i = 0; i < output.Length; i++)
        {
            ulong value;
            if (depth < 8)
            {
                var bit = i * depth;
                var sample = (line[bit >> 3] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
                value = header.ColorType == 3 ? PaletteColour(sample) : (ulong)sample;
            }
            else if (header.ColorType == 3)
            {
                value = PaletteColour(line[i]);
            }
            else
            {
                var bytesPerSample = depth / 8;
                var start = i * channels * bytesPerSample;
                value = 0;
                for (var k = 0; k < colourChannels * bytesPerSample; k++)
                {
                    value = (value << 8) | line[start + k];
                }
            }
            output[i] = value != 0 ? (byte)1 : (byte)0;
            if (value != 0 && value != _firstValue)
            {
                if (_firstValue == 0)
                {
                    _firstValue = value;
                }
                else
                {
                    IsBinary = false;
                }
            }
        }
    }

    private ulong PaletteColour(int index)
    {
        if (palette is null || (index * 3) + 2 >= palette.Length)
        {
            throw new MaskFormatException($"PNG pixel uses palette index {index}, but the palette has {(palette?.Length ?? 0) / 3} entries.");
        }
        return ((ulong)palette[index * 3] << 16) | ((ulong)palette[(index * 3) + 1] << 8) | palette[(index * 3) + 2];
    }
}
