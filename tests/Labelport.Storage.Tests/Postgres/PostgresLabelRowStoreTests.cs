namespace Labelport.Storage.Tests.Postgres;

public sealed class PostgresLabelRowStoreTests(PostgresStoreFixture fixture) : LabelRowStoreTests(fixture), IClassFixture<PostgresStoreFixture>;
