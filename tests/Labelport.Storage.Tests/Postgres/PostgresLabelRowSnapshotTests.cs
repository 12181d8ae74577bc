namespace Labelport.Storage.Tests.Postgres;

public sealed class PostgresLabelRowSnapshotTests(PostgresStoreFixture fixture) : LabelRowSnapshotTests(fixture), IClassFixture<PostgresStoreFixture>;
