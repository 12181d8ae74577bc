namespace Labelport.Storage.Tests.Postgres;

public sealed class PostgresBlobStoreTests(PostgresStoreFixture fixture) : BlobStoreTests(fixture), IClassFixture<PostgresStoreFixture>;
