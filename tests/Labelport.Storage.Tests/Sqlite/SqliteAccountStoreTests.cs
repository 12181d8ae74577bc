namespace Labelport.Storage.Tests.Sqlite;

public sealed class SqliteAccountStoreTests(SqliteStoreFixture fixture) : AccountStoreTests(fixture), IClassFixture<SqliteStoreFixture>;
