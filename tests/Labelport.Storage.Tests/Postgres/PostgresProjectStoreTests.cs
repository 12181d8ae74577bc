namespace Labelport.Storage.Tests.Postgres;

public sealed class PostgresProjectStoreTests(PostgresStoreFixture fixture) : ProjectStoreTests(fixture), IClassFixture<PostgresStoreFixture>;
