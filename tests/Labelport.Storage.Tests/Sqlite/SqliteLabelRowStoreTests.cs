namespace Labelport.Storage.Tests.Sqlite;

public sealed class SqliteLabelRowStoreTests(SqliteStoreFixture fixture) : LabelRowStoreTests(fixture), IClassFixture<SqliteStoreFixture>;
