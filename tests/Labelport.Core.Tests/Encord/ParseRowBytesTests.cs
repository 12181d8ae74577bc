using System.Text;
using Labelport.Core.Encord;
using Labelport.Core.Json;

namespace Labelport.Core.Tests.Encord;

/// <summary><see cref="LabelRowReader.ParseRow(byte[])"/>: the same row as the stream reader, errors with path and value.</summary>
public sealed class ParseRowBytesTests
{
    [Theory]
    [MemberData(nameof(Fixtures.All), MemberType = typeof(Fixtures))]
    public void Each_fixture_row_parses_to_the_same_model_as_the_stream_reader(string name)
    {
        foreach (var row in Fixtures.Rows(name))
        {
            var json = Write(row);

            var parsed = LabelRowReader.ParseRow(json);

            Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(Write(parsed)));
            Assert.Equal(row.DataHash, parsed.DataHash);
        }
    }

    [Theory]
    [InlineData("", "$", "the input is empty")]
    [InlineData("{\"data_hash\": ", "$", "malformed JSON at line 1")]
    [InlineData("{\"data_hash\": 42}", "$.data_hash", "42")]
    [InlineData("[]", "$", "array")]
    [InlineData("{\"label_hash\": \"x\"}", "$.data_hash", "missing")]
    public void Bad_rows_name_the_path_and_the_problem(string json, string path, string problem)
    {
        var error = Assert.Throws<LabelFormatException>(() => LabelRowReader.ParseRow(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_format_error_not_a_crash()
    {
        var json = Encoding.UTF8.GetBytes("{\"data_hash\": \"ab\", \"data_title\": \"xx\"}");
        json[^3] = 0xFF;

        var error = Assert.Throws<LabelFormatException>(() => LabelRowReader.ParseRow(json));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Write(Model.LabelRow row)
    {
        using var output = new MemoryStream();
        using (var writer = new LabelRowWriter(output))
        {
            writer.Write(row);
            writer.Flush();
        }
        return output.ToArray();
    }
}
