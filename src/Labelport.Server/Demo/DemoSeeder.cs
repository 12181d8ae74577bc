using Labelport.Server.Auth;
using Labelport.Server.Datasets;
using Labelport.Server.LabelRows;
using Labelport.Storage;
using Labelport.Storage.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Labelport.Server.Demo;

/// <summary>
/// <c>--demo</c>: on the first start of an empty data folder, a demo dataset (images, an image group, an image
/// sequence, a video), a project with <see cref="DemoOntology"/>, a member per role and <see cref="DemoLabels"/>.
/// Later starts only print how to sign in.
/// </summary>
internal static class DemoSeeder
{
    public const string ProjectTitle = "Labelport demo";

    public static async Task<IReadOnlyList<string>> SeedIfEmptyAsync(IServiceProvider services, LabelportServerOptions options, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<IAccountStore>();
        var projects = services.GetRequiredService<IProjectStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var password = options.DemoPassword ?? DemoUsers.DefaultPassword;
        var lines = new List<string>();
        var users = new Dictionary<ProjectRole, UserRecord>();
        foreach (var (email, name, role) in DemoUsers.All)
        {
            var user = await accounts.FindUserByEmailAsync(email, cancellationToken);
            if (user is null)
            {
                user = new UserRecord(Guid.NewGuid().ToString(), email, name, Passwords.Hash(password), false, time.GetUtcNow());
                await accounts.TryCreateUserAsync(user, cancellationToken);
            }
            users[role] = user;
        }
        var existing = await projects.ListProjectsAsync(users[ProjectRole.Admin].UserId, isSystemAdmin: true, cancellationToken);
        if (existing.Count == 0)
        {
            var project = await SeedAsync(services, users, cancellationToken);
            lines.Add("Demo: seeded the project \"" + ProjectTitle + "\" (" + project.ProjectHash + ").");
        }
        lines.Add("Demo sign-in (password " + (options.DemoPassword is null ? "\"" + DemoUsers.DefaultPassword + "\", set LABELPORT_DEMO_PASSWORD to change it" : "from LABELPORT_DEMO_PASSWORD") + "):");
        foreach (var (email, _, role) in DemoUsers.All)
        {
            lines.Add("  " + Projects.ProjectRoleNames.ToWire(role) + ": " + email);
        }
        return lines;
    }

    private static async Task<ProjectRecord> SeedAsync(IServiceProvider services, Dictionary<ProjectRole, UserRecord> users, CancellationToken cancellationToken)
    {
        var projects = services.GetRequiredService<IProjectStore>();
        var uploader = services.GetRequiredService<MediaUploader>();
        var importer = services.GetRequiredService<LabelRowImporter>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var owner = users[ProjectRole.Admin];

        var dataset = new DatasetRecord(Guid.NewGuid().ToString(), "Demo media", "Generated street scenes and a test-pattern video.", owner.UserId, now);
        await projects.CreateDatasetAsync(dataset, cancellationToken);
        var images = await uploader.UploadAsync(dataset, new UploadRequest(UploadRequest.Image, null, null, null, null, null), Scenes("scene", 0, 6), cancellationToken);
        var group = (await uploader.UploadAsync(dataset, new UploadRequest(UploadRequest.ImageGroup, "Street group", null, null, null, null), Scenes("group", 10, 3), cancellationToken))[0];
        var sequence = (await uploader.UploadAsync(dataset, new UploadRequest(UploadRequest.ImageSequence, "Street sequence", null, null, null, null), Scenes("sequence", 20, 4), cancellationToken))[0];
        var videoBytes = DemoMedia.Video();
        var video = (await uploader.UploadAsync(
            dataset,
            new UploadRequest(UploadRequest.Video, "Test pattern", DemoMedia.VideoWidth, DemoMedia.VideoHeight, DemoMedia.VideoFrames, DemoMedia.VideoFps),
            [new UploadFile("test-pattern.mp4", videoBytes.Length, () => new MemoryStream(videoBytes, writable: false))],
            cancellationToken))[0];

        var project = new ProjectRecord(Guid.NewGuid().ToString(), ProjectTitle, "Every 2-D shape, nested, dynamic and global attributes, and every label status.", DemoOntology.Json, now);
        await projects.CreateProjectAsync(project, owner.UserId, cancellationToken);
        foreach (var (role, user) in users)
        {
            if (role != ProjectRole.Admin)
            {
                await projects.SetMemberAsync(project.ProjectHash, user.UserId, role, cancellationToken);
            }
        }
        await projects.AttachDatasetAsync(project.ProjectHash, dataset.DatasetHash, now, cancellationToken);
        var rows = DemoLabels.Build(images, group, sequence, video, dataset.Title, now);
        await importer.ImportRowsAsync(project, rows, cancellationToken);
        return project;
    }

    private static UploadFile[] Scenes(string name, int firstVariant, int count) =>
        [.. Enumerable.Range(firstVariant, count).Select(v =>
        {
            var bytes = DemoMedia.Scene(v);
            return new UploadFile(name + "-" + (v - firstVariant + 1) + ".png", bytes.Length, () => new MemoryStream(bytes, writable: false));
        })];
}
