namespace Labelport.Storage.Tests.Postgres;

public sealed class PostgresAccountStoreTests(PostgresStoreFixture fixture) : AccountStoreTests(fixture), IClassFixture<PostgresStoreFixture>;
