namespace Labelport.Client.Tests.Api;

public sealed class LabelRowQueryTests
{
    [Fact]
    public void Filters_become_the_servers_query_string()
    {
        var query = new LabelRowQuery
        {
            DataHashes = ["a b", "c"],
            LabelStatuses = ["LABELLED", "REVIEWED"],
            EditedAfter = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(1)),
            EditedBefore = new DateTimeOffset(2026, 12, 2, 0, 0, 0, 250, TimeSpan.Zero),
            PageSize = 50,
        };
        Assert.Equal(
            "?dataHashes=a%20b%2Cc&labelStatuses=LABELLED%2CREVIEWED&editedAfter=2026-12-01T08%3A30%3A00Z&editedBefore=2026-12-02T00%3A00%3A00.25Z&limit=50",
            LabelRowsClient.QueryOf(query));
        Assert.Equal(string.Empty, LabelRowsClient.QueryOf(new LabelRowQuery()));
        Assert.Equal(string.Empty, LabelRowsClient.QueryOf(null));
    }

    [Fact]
    public void A_server_file_name_never_picks_the_folder()
    {
        Assert.Equal("p_2026-12-01_08-00-00.json", ExportsClient.SafeFileName("p_2026-12-01_08-00-00.json"));
        Assert.Equal("x.json", ExportsClient.SafeFileName("../../etc/x.json"));
        Assert.Equal("x.json", ExportsClient.SafeFileName("..\\..\\x.json"));
        Assert.Throws<InvalidDataException>(() => ExportsClient.SafeFileName(".."));
        Assert.Throws<InvalidDataException>(() => ExportsClient.SafeFileName("dir/"));
    }
}
