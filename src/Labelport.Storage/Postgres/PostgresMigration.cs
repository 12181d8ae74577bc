namespace Labelport.Storage.Postgres;

/// <summary>One embedded schema script (<c>Postgres/Migrations/NNNN_name.sql</c>).</summary>
internal sealed record PostgresMigration(int Version, string Name, string Sql);
