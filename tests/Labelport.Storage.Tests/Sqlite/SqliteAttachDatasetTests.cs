namespace Labelport.Storage.Tests.Sqlite;

public sealed class SqliteAttachDatasetTests(SqliteStoreFixture fixture) : AttachDatasetTests(fixture), IClassFixture<SqliteStoreFixture>;
