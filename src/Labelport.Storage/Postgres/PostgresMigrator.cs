using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Labelport.Storage.Postgres;

/// <summary>
/// Applies the embedded migration scripts in version order under a session advisory lock, so instances starting
/// together take turns: the first applies what is pending, the others then find nothing to do. Each script runs in
/// its own transaction with its <c>schema_migrations</c> row (PostgreSQL DDL is transactional), so a crash leaves the
/// schema at a whole version.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock key: "Labelpor" in ASCII, a constant no other application is likely to use.</summary>
    public const long AdvisoryLockKey = 0x4C6162656C706F72;

    private const string ResourcePrefix = "Labelport.Storage.Postgres.Migrations.";

    public static IReadOnlyList<PostgresMigration> Migrations { get; } = LoadMigrations();

    public static async Task MigrateAsync(NpgsqlConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        await using (var lockCommand = PostgresSql.Command(connection, null, "SELECT pg_advisory_lock(@key)").With("@key", AdvisoryLockKey))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await PostgresSql.ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
                cancellationToken);
            foreach (var migration in Migrations)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var check = PostgresSql.Command(connection, transaction, "SELECT count(*) FROM schema_migrations WHERE version = @version")
                    .With("@version", migration.Version))
                {
                    if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
                    {
                        continue;
                    }
                }
                await PostgresSql.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using (var record = PostgresSql.Command(connection, transaction,
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)"))
                {
                    await record.With("@version", migration.Version).With("@name", migration.Name).With("@at", time.GetUtcNow())
                        .ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await using var unlock = PostgresSql.Command(connection, null, "SELECT pg_advisory_unlock(@key)").With("@key", AdvisoryLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static List<PostgresMigration> LoadMigrations()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        var migrations = new List<PostgresMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var separator = name.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource {resource} is not named NNNN_name.sql.");
            }
            migrations.Add(new PostgresMigration(version, name[(separator + 1)..], ReadResource(assembly, resource)));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
