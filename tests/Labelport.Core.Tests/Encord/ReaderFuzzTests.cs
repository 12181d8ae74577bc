using Labelport.Core.Encord;
using Labelport.Core.Json;
using Labelport.Core.Ontology;
using Labelport.Core.Validation;

namespace Labelport.Core.Tests.Encord;

/// <summary>
/// Damaged input — a fixture cut at every byte, or with random bytes changed — must never make the reader, the
/// validator or the writer throw anything but <see cref="LabelFormatException"/>: no crash, no other exception type.
/// </summary>
public sealed class ReaderFuzzTests
{
    public static TheoryData<string> SmallFixtures() => ["video_dyn", "video_dyn_ui", "skeleton", "native_image_data", "data_1_video", "dicom", "image_group", "empty_image_group"];

    [Theory]
    [MemberData(nameof(SmallFixtures))]
    public void Fixture_cut_at_every_byte_fails_only_with_the_domain_error(string name)
    {
        var bytes = Fixtures.LabelBytes(name);
        var validator = new LabelRowValidator(Fixtures.Ontology(name));
        var failures = 0;
        for (var length = 0; length < bytes.Length; length++)
        {
            if (!Survives(bytes.AsMemory(0, length), validator))
            {
                failures++;
            }
        }
        // A cut document is never complete JSON, except where only trailing whitespace was cut off.
        var trailingWhitespace = bytes.Length - 1 - Array.FindLastIndex(bytes, b => b is not (byte)' ' and not (byte)'\n' and not (byte)'\r' and not (byte)'\t');
        Assert.Equal(bytes.Length - trailingWhitespace, failures);
    }

    [Fact]
    public void Platform_export_cut_at_every_37th_byte_fails_only_with_the_domain_error()
    {
        // 109 kB: every byte would be ~6 GB of parsing; a prime stride still hits every kind of token.
        var bytes = Fixtures.LabelBytes("platform_export");
        var validator = new LabelRowValidator(Fixtures.Ontology("platform_export"));
        for (var length = 0; length < bytes.Length; length += 37)
        {
            Assert.False(Survives(bytes.AsMemory(0, length), validator));
        }
    }

    [Theory]
    [InlineData("platform_export", 1500)]
    [InlineData("video_dyn_ui", 3000)]
    [InlineData("skeleton", 3000)]
    [InlineData("native_image_data", 3000)]
    public void Random_byte_flips_fail_only_with_the_domain_error(string name, int trials)
    {
        var original = Fixtures.LabelBytes(name);
        var validator = new LabelRowValidator(Fixtures.Ontology(name));
        var random = new Random(20261125);
        var survived = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            var bytes = (byte[])original.Clone();
            var flips = 1 + random.Next(4);
            for (var f = 0; f < flips; f++)
            {
                var at = random.Next(bytes.Length);
                // Half structural characters (the interesting ones for a JSON reader), half any byte.
                bytes[at] = random.Next(2) == 0 ? "{}[]\",:0-.e\\ ntf"u8[random.Next(16)] : (byte)random.Next(256);
            }
            if (Survives(bytes, validator))
            {
                survived++;
            }
        }
        // Some flips land in strings and leave valid JSON; most must be caught. Either way nothing else was thrown.
        Assert.InRange(survived, 0, trials - 1);
    }

    [Fact]
    public async Task Truncated_export_read_asynchronously_in_tiny_chunks_fails_only_with_the_domain_error()
    {
        var bytes = Fixtures.LabelBytes("platform_export");
        for (var length = 1; length < bytes.Length; length += 997)
        {
            var stream = new TrickleStream(bytes[..length], chunk: 7);
            await Assert.ThrowsAsync<LabelFormatException>(async () =>
            {
                await foreach (var _ in LabelRowReader.ReadAllAsync(stream))
                {
                }
            });
        }
    }

    [Fact]
    public void Ontology_cut_at_every_byte_fails_only_with_the_domain_error()
    {
        var bytes = File.ReadAllBytes(Labelport.Tests.Shared.TestData.Encord("platform_export.ontology.json"));
        for (var length = 0; length < bytes.Length; length += 3)
        {
            Assert.Throws<LabelFormatException>(() => OntologyReader.Read(new MemoryStream(bytes, 0, length)));
        }
    }

    /// <summary>Reads, validates and writes every row; true when the input was readable, false on the domain error.</summary>
    private static bool Survives(ReadOnlyMemory<byte> input, LabelRowValidator validator)
    {
        try
        {
            using var stream = new MemoryStream(input.ToArray());
            var index = 0;
            using var writer = new LabelRowWriter(Stream.Null);
            writer.WriteStartArray();
            foreach (var row in LabelRowReader.ReadAll(stream))
            {
                validator.Validate(row, index++);
                writer.Write(row);
            }
            writer.WriteEndArray();
            writer.Flush();
            return true;
        }
        catch (LabelFormatException e)
        {
            Assert.StartsWith("$", e.Path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(e.Problem));
            return false;
        }
    }
}
