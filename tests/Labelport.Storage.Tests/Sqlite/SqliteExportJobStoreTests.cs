namespace Labelport.Storage.Tests.Sqlite;

public sealed class SqliteExportJobStoreTests(SqliteStoreFixture fixture) : ExportJobStoreTests(fixture), IClassFixture<SqliteStoreFixture>;
