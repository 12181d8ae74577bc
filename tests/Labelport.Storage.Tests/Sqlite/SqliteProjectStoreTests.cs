namespace Labelport.Storage.Tests.Sqlite;

public sealed class SqliteProjectStoreTests(SqliteStoreFixture fixture) : ProjectStoreTests(fixture), IClassFixture<SqliteStoreFixture>;
