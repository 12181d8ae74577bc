namespace Labelport.Storage.Tests.Sqlite;

public sealed class SqliteLabelRowSnapshotTests(SqliteStoreFixture fixture) : LabelRowSnapshotTests(fixture), IClassFixture<SqliteStoreFixture>;
