namespace Labelport.Storage.Tests.Postgres;

public sealed class PostgresExportJobStoreTests(PostgresStoreFixture fixture) : ExportJobStoreTests(fixture), IClassFixture<PostgresStoreFixture>;
