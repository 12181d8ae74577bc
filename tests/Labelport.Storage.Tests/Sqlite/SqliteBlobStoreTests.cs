namespace Labelport.Storage.Tests.Sqlite;

public sealed class SqliteBlobStoreTests(SqliteStoreFixture fixture) : BlobStoreTests(fixture), IClassFixture<SqliteStoreFixture>;
