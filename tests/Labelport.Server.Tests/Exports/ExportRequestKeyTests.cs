using Labelport.Server.Exports;

namespace Labelport.Server.Tests.Exports;

public sealed class ExportRequestKeyTests
{
    [Fact]
    public void Order_and_duplicates_of_filter_values_do_not_change_the_key()
    {
        var a = new ExportRequest { Format = "coco", LabelStatuses = ["REVIEWED", "LABELLED"], ObjectFeatureHashes = ["b", "a", "b"] };
        var b = new ExportRequest { Format = "coco", LabelStatuses = ["LABELLED", "REVIEWED", "LABELLED"], ObjectFeatureHashes = ["a", "b"] };

        Assert.Equal(ExportRequestKey.Create(a), ExportRequestKey.Create(b));
        Assert.Equal(64, ExportRequestKey.Create(a).Length);
    }

    [Fact]
    public void Every_part_of_the_request_changes_the_key()
    {
        var baseline = new ExportRequest();
        ExportRequest[] variants =
        [
            baseline with { Format = "coco" },
            baseline with { DataHashes = [] },
            baseline with { DataHashes = ["x"] },
            baseline with { LabelStatuses = ["LABELLED"] },
            baseline with { ObjectFeatureHashes = ["x"] },
            baseline with { ClassificationFeatureHashes = ["x"] },
            baseline with { IncludeSignedUrls = true },
            baseline with { IncludeSignedUrls = true, SignedUrlTtlSeconds = 60 },
        ];

        var keys = variants.Select(ExportRequestKey.Create).Append(ExportRequestKey.Create(baseline)).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        // Values do not leak between lists: the same hash as an object or a classification filter differs.
        Assert.NotEqual(
            ExportRequestKey.CanonicalText(baseline with { ObjectFeatureHashes = ["x"] }),
            ExportRequestKey.CanonicalText(baseline with { ClassificationFeatureHashes = ["x"] }));
    }

    [Fact]
    public void Ttl_matters_only_when_urls_are_signed()
    {
        Assert.Equal(
            ExportRequestKey.Create(new ExportRequest { SignedUrlTtlSeconds = 60 }),
            ExportRequestKey.Create(new ExportRequest { SignedUrlTtlSeconds = 3600 }));
    }

    [Fact]
    public void Request_json_is_camel_case_and_round_trips()
    {
        var request = new ExportRequest
        {
            Format = "coco",
            DataHashes = ["d"],
            LabelStatuses = ["LABELLED"],
            ObjectFeatureHashes = ["o"],
            ClassificationFeatureHashes = ["c"],
            IncludeSignedUrls = true,
            SignedUrlTtlSeconds = 120,
        };

        var json = ExportRequestJson.Serialize(request);
        var back = ExportRequestJson.Deserialize(json);

        Assert.Contains("\"objectFeatureHashes\":[\"o\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"signedUrlTtlSeconds\":120", json, StringComparison.Ordinal);
        Assert.Equal(ExportRequestKey.CanonicalText(request), ExportRequestKey.CanonicalText(back));
        var defaults = ExportRequestJson.Deserialize("{\"format\":\"json\"}");
        Assert.Equal(ExportRequest.DefaultSignedUrlTtlSeconds, defaults.SignedUrlTtlSeconds);
        Assert.Null(defaults.DataHashes);
        Assert.False(defaults.IncludeSignedUrls);
    }

    [Theory]
    [InlineData("json", "6f1c5a3e-0000-4000-8000-000000000001_2026-12-01_08-19-17.json")]
    [InlineData("coco", "6f1c5a3e-0000-4000-8000-000000000001_2026-12-01_08-19-17_coco.json")]
    public void File_names_carry_project_and_utc_time(string format, string expected)
    {
        var local = new DateTimeOffset(2026, 12, 1, 9, 19, 17, 900, TimeSpan.FromHours(1));

        Assert.Equal(expected, ExportFileNames.For("6f1c5a3e-0000-4000-8000-000000000001", format, local));
    }
}
