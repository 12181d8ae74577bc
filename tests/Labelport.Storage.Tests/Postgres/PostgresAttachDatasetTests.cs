namespace Labelport.Storage.Tests.Postgres;

public sealed class PostgresAttachDatasetTests(PostgresStoreFixture fixture) : AttachDatasetTests(fixture), IClassFixture<PostgresStoreFixture>;
