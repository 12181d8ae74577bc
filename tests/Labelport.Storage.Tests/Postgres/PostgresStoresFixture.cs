using Labelport.Storage.Postgres;
using Labelport.Storage.Records;

namespace Labelport.Storage.Tests.Postgres;

/// <summary>The PostgreSQL stores on a fresh test database, with one user and one project to hang rows and jobs on.</summary>
public sealed class PostgresStoresFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private PostgresTestDatabase? database;
    private PostgresStores? stores;

    public PostgresTestDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    internal PostgresStores Stores => stores ?? throw new InvalidOperationException("Not initialised.");

    public UserRecord User { get; } = new("user-1", "Owner@Example.com", "Owner", null, false, Start);

    public ProjectRecord Project { get; } = new("project-1", "Project", null, "{\"objects\":[],\"classifications\":[]}", Start);

    public async Task InitializeAsync()
    {
        database = await PostgresTestDatabase.CreateAsync();
        stores = await PostgresStores.OpenAsync(database.ConnectionString, TimeProvider.System, CancellationToken.None);
        Assert.True(await stores.Accounts.TryCreateUserAsync(User, CancellationToken.None));
        await stores.Projects.CreateProjectAsync(Project, User.UserId, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (stores is not null)
        {
            await stores.DisposeAsync();
        }
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    public LabelRowRecord Row(string labelHash, string title, string status = "LABELLED", string json = "{}") => new(
        Project.ProjectHash, labelHash, "data-" + labelHash, title, "image", null, status, null, Start, Start, 0, 0, System.Text.Encoding.UTF8.GetBytes(json));

    public ExportJobRecord Job(string exportHash, DateTimeOffset createdAt) => new(
        exportHash, Project.ProjectHash, "json", "{}", "key-" + exportHash, User.UserId, User.Email, ExportJobStatus.Queued, 0, 0,
        exportHash + ".json", null, null, null, null, 0, null, null, createdAt, null, null);
}
