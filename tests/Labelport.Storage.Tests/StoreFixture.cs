namespace Labelport.Storage.Tests;

/// <summary>
/// A storage back end under test. Each <see cref="OpenAsync"/> returns a NEW, empty storage (own database and blob
/// folder), so tests never see each other's data; the fixture removes everything it made when disposed.
/// The SQLite subclass is <c>Sqlite/SqliteStoreFixture</c>; another back end adds its own subclass and one concrete
/// class per abstract test class.
/// </summary>
public abstract class StoreFixture : IAsyncLifetime
{
    public abstract Task<LabelportStorage> OpenAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
