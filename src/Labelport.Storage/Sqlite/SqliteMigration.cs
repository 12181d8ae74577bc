namespace Labelport.Storage.Sqlite;

/// <summary>One schema change: an SQL script embedded from <c>Sqlite/Migrations/NNNN_name.sql</c>.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
