using System.Text;
using Labelport.Storage.Records;

namespace Labelport.Storage.Tests;

/// <summary>Records for tests, with fresh hashes and whole-millisecond times (stores keep milliseconds).</summary>
internal static class TestData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string NewHash() => Guid.NewGuid().ToString();

    public static UserRecord User(string? email = null, bool isSystemAdmin = false) =>
        new(NewHash(), email ?? $"user-{Guid.NewGuid():N}@example.com", "Test User", "AQAAAAIAAYagAAAAEhash", isSystemAdmin, T0);

    public static async Task<UserRecord> CreateUserAsync(LabelportStorage storage, string? email = null, bool isSystemAdmin = false)
    {
        var user = User(email, isSystemAdmin);
        Assert.True(await storage.Accounts.TryCreateUserAsync(user, CancellationToken.None));
        return user;
    }

    public static ProjectRecord Project(string? title = null) =>
        new(NewHash(), title ?? "Project " + Guid.NewGuid().ToString("N")[..6], "a project", """{"objects":[],"classifications":[]}""", T0);

    /// <summary>A user and a project that user administers.</summary>
    public static async Task<(UserRecord Owner, ProjectRecord Project)> CreateProjectAsync(LabelportStorage storage)
    {
        var owner = await CreateUserAsync(storage);
        var project = Project();
        await storage.Projects.CreateProjectAsync(project, owner.UserId, CancellationToken.None);
        return (owner, project);
    }

    public static LabelRowRecord Row(
        string projectHash, string dataTitle, string labelStatus = "LABELLED", DateTimeOffset? editedAt = null, string? dataHash = null,
        string? labelHash = null, string marker = "v1")
    {
        labelHash ??= NewHash();
        dataHash ??= NewHash();
        var json = Encoding.UTF8.GetBytes($$"""{"label_hash":"{{labelHash}}","data_hash":"{{dataHash}}","data_title":"{{dataTitle}}","marker":"{{marker}}"}""");
        return new LabelRowRecord(projectHash, labelHash, dataHash, dataTitle, "image", null, labelStatus, "QUEUED", T0, editedAt ?? T0, 2, 1, json);
    }

    public static string Marker(LabelRowRecord row)
    {
        var text = Encoding.UTF8.GetString(row.Json);
        var start = text.IndexOf("\"marker\":\"", StringComparison.Ordinal) + "\"marker\":\"".Length;
        return text[start..text.IndexOf('"', start)];
    }

    public static DataItemRecord ImageItem(string datasetHash, string title, DateTimeOffset? createdAt = null)
    {
        var hash = NewHash();
        return new DataItemRecord(hash, datasetHash, title, "image", false, createdAt ?? T0,
            [new DataUnitRecord(hash, hash, title, "image/png", 640, 480, null, null, 1234, 0, $"media/{hash}", null)]);
    }

    public static DataItemRecord GroupItem(string datasetHash, string title, int images)
    {
        var hash = NewHash();
        var units = new List<DataUnitRecord>();
        for (var i = images - 1; i >= 0; i--)
        {
            var unitHash = NewHash();
            units.Add(new DataUnitRecord(unitHash, hash, $"{title}-{i}.png", "image/png", 100 + i, 50, null, null, 10 + i, i, $"media/{unitHash}", null));
        }
        return new DataItemRecord(hash, datasetHash, title, "img_group", false, T0, units);
    }

    public static DataItemRecord VideoItem(string datasetHash, string title)
    {
        var hash = NewHash();
        return new DataItemRecord(hash, datasetHash, title, "video", false, T0,
            [new DataUnitRecord(hash, hash, title, "video/mp4", 1920, 1080, 300, 29.97, 987654, 0, $"media/{hash}", null)]);
    }

    public static ExportJobRecord Job(string projectHash, UserRecord user, DateTimeOffset createdAt, string? requestKey = null) =>
        new(NewHash(), projectHash, "encord", """{"format":"encord"}""", requestKey ?? NewHash(), user.UserId, user.Email,
            ExportJobStatus.Queued, 0, 0, "export.json", null, null, null, null, 0, null, null, createdAt, null, null);
}
