using System.Globalization;
using Labelport.Storage.Records;
using Microsoft.Data.Sqlite;

namespace Labelport.Storage.Sqlite;

/// <summary>
/// Export jobs in SQLite. Every state change is one statement or one immediate (write-locked) transaction, so two
/// connections never claim the same job: SQLite admits one writer at a time and the claim re-checks the status.
/// </summary>
internal sealed class SqliteExportJobStore(SqliteConnectionFactory connections) : IExportJobStore
{
    private const string Columns =
        "export_hash, project_hash, format, request_json, request_key, requested_by_user_id, requested_by_email, status, " +
        "progress_done, progress_total, file_name, blob_key, size, sha256, error, attempts, lease_owner, lease_expires_at, " +
        "created_at, started_at, finished_at";

    private const int Queued = (int)ExportJobStatus.Queued;
    private const int Running = (int)ExportJobStatus.Running;

    public async Task CreateAsync(ExportJobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = SqliteSql.Command(connection, null, $"""
            INSERT INTO export_jobs ({Columns}) VALUES ($hash, $project, $format, $json, $key, $user, $email, $status, $done, $total,
                $file, $blob, $size, $sha, $error, $attempts, $owner, $lease, $created, $started, $finished)
            """)
            .With("$hash", job.ExportHash).With("$project", job.ProjectHash).With("$format", job.Format).With("$json", job.RequestJson)
            .With("$key", job.RequestKey).With("$user", job.RequestedByUserId).With("$email", job.RequestedByEmail)
            .With("$status", (int)job.Status).With("$done", job.ProgressDone).With("$total", job.ProgressTotal)
            .With("$file", job.FileName).With("$blob", job.BlobKey).With("$size", job.Size).With("$sha", job.Sha256)
            .With("$error", job.Error).With("$attempts", job.Attempts).With("$owner", job.LeaseOwner).With("$lease", job.LeaseExpiresAt)
            .With("$created", job.CreatedAt).With("$started", job.StartedAt).With("$finished", job.FinishedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ExportJobRecord?> FindAsync(string exportHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, exportHash, cancellationToken);
    }

    public async Task<ExportJobRecord?> FindActiveAsync(string projectHash, string requestKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = SqliteSql.Command(connection, null, $"""
            SELECT {Columns} FROM export_jobs
            WHERE project_hash = $project AND request_key = $key AND status IN ({Queued}, {Running})
            ORDER BY created_at DESC, export_hash DESC LIMIT 1
            """)
            .With("$project", projectHash).With("$key", requestKey);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ExportJobRecord>> ListAsync(string projectHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = SqliteSql.Command(connection, null,
            $"SELECT {Columns} FROM export_jobs WHERE project_hash = $project ORDER BY created_at DESC, export_hash DESC")
            .With("$project", projectHash);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<ExportJobRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(ReadJob(reader));
        }
        return jobs;
    }

    public async Task<ExportJobRecord?> TryClaimAsync(string workerId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = SqliteSql.Command(connection, transaction, $"""
            UPDATE export_jobs
            SET status = {Running}, attempts = attempts + 1, lease_owner = $worker, lease_expires_at = $lease, started_at = $now,
                finished_at = NULL, error = NULL
            WHERE export_hash = (
                SELECT export_hash FROM export_jobs
                WHERE status = {Queued} OR (status = {Running} AND lease_expires_at < $now)
                ORDER BY created_at, export_hash LIMIT 1)
            RETURNING {Columns}
            """)
            .With("$worker", workerId).With("$now", now).With("$lease", leaseUntil);
        var job = await ReadOneAsync(command, cancellationToken);
        if (job is not null)
        {
            // A taken-over job starts its file again: rows staged by the previous attempt are not in the new file.
            await DeleteStagedRowsAsync(connection, transaction, job.ExportHash, cancellationToken);
        }
        transaction.Commit();
        return job;
    }

    public async Task<bool> HeartbeatAsync(string exportHash, string workerId, long done, long total, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var command = SqliteSql.Command(connection, null, $"""
            UPDATE export_jobs SET progress_done = $done, progress_total = $total, lease_expires_at = $lease
            WHERE export_hash = $hash AND lease_owner = $worker AND status = {Running}
            """)
            .With("$hash", exportHash).With("$worker", workerId).With("$done", done).With("$total", total).With("$lease", leaseUntil);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> AddExportedRowsAsync(string exportHash, string workerId, IReadOnlyList<string> labelHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labelHashes);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // The immediate transaction holds the write lock from the lease check to the insert: no claim comes between.
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var lease = SqliteSql.Command(connection, transaction,
            $"SELECT count(*) FROM export_jobs WHERE export_hash = $hash AND lease_owner = $worker AND status = {Running}"))
        {
            lease.With("$hash", exportHash).With("$worker", workerId);
            if (Convert.ToInt64(await lease.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 1)
            {
                return false;
            }
        }
        using var command = SqliteSql.Command(connection, transaction, """
            INSERT INTO export_job_rows (export_hash, label_hash) SELECT $hash, value FROM json_each($labels) WHERE true
            ON CONFLICT DO NOTHING
            """)
            .With("$hash", exportHash).WithJsonArray("$labels", labelHashes);
        await command.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
        return true;
    }

    public async Task<bool> TrySucceedAsync(
        string exportHash, string workerId, string blobKey, long size, string sha256, DateTimeOffset exportedAt, DateTimeOffset finishedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var finish = SqliteSql.Command(connection, transaction, $"""
            UPDATE export_jobs SET status = {(int)ExportJobStatus.Succeeded}, blob_key = $blob, size = $size, sha256 = $sha,
                finished_at = $finished, lease_expires_at = NULL
            WHERE export_hash = $hash AND lease_owner = $worker AND status = {Running}
            """))
        {
            finish.With("$hash", exportHash).With("$worker", workerId).With("$blob", blobKey).With("$size", size).With("$sha", sha256)
                .With("$finished", finishedAt);
            if (await finish.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }
        using (var history = SqliteSql.Command(connection, transaction, """
            INSERT INTO label_row_exports (project_hash, label_hash, export_hash, exported_at, user_email)
            SELECT j.project_hash, s.label_hash, s.export_hash, $exported, j.requested_by_email
            FROM export_job_rows s JOIN export_jobs j ON j.export_hash = s.export_hash
            WHERE s.export_hash = $hash
            ON CONFLICT DO NOTHING
            """))
        {
            await history.With("$hash", exportHash).With("$exported", exportedAt).ExecuteNonQueryAsync(cancellationToken);
        }
        await DeleteStagedRowsAsync(connection, transaction, exportHash, cancellationToken);
        transaction.Commit();
        return true;
    }

    public async Task<bool> TryFailAsync(string exportHash, string workerId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = SqliteSql.Command(connection, transaction, $"""
            UPDATE export_jobs SET status = {(int)ExportJobStatus.Failed}, error = $error, finished_at = $finished, lease_expires_at = NULL
            WHERE export_hash = $hash AND lease_owner = $worker AND status = {Running}
            """)
            .With("$hash", exportHash).With("$worker", workerId).With("$error", error).With("$finished", finishedAt);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }
        await DeleteStagedRowsAsync(connection, transaction, exportHash, cancellationToken);
        transaction.Commit();
        return true;
    }

    public async Task<bool> TryRequeueAsync(string exportHash, string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = SqliteSql.Command(connection, transaction, $"""
            UPDATE export_jobs SET status = {Queued}, lease_owner = NULL, lease_expires_at = NULL, progress_done = 0, attempts = MAX(attempts - 1, 0)
            WHERE export_hash = $hash AND lease_owner = $worker AND status = {Running}
            """)
            .With("$hash", exportHash).With("$worker", workerId);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }
        await DeleteStagedRowsAsync(connection, transaction, exportHash, cancellationToken);
        transaction.Commit();
        return true;
    }

    public async Task<ExportJobRecord?> CancelAsync(string exportHash, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var cancel = SqliteSql.Command(connection, transaction, $"""
            UPDATE export_jobs SET status = {(int)ExportJobStatus.Cancelled}, finished_at = $finished, lease_expires_at = NULL
            WHERE export_hash = $hash AND status IN ({Queued}, {Running})
            """))
        {
            if (await cancel.With("$hash", exportHash).With("$finished", finishedAt).ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await DeleteStagedRowsAsync(connection, transaction, exportHash, cancellationToken);
            }
        }
        var job = await FindAsync(connection, transaction, exportHash, cancellationToken);
        transaction.Commit();
        return job;
    }

    private static async Task<ExportJobRecord?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string exportHash, CancellationToken cancellationToken)
    {
        using var command = SqliteSql.Command(connection, transaction, $"SELECT {Columns} FROM export_jobs WHERE export_hash = $hash")
            .With("$hash", exportHash);
        return await ReadOneAsync(command, cancellationToken);
    }

    private static async Task DeleteStagedRowsAsync(SqliteConnection connection, SqliteTransaction transaction, string exportHash, CancellationToken cancellationToken)
    {
        using var command = SqliteSql.Command(connection, transaction, "DELETE FROM export_job_rows WHERE export_hash = $hash").With("$hash", exportHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ExportJobRecord?> ReadOneAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadJob(reader) : null;
    }

    private static ExportJobRecord ReadJob(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        (ExportJobStatus)reader.GetInt32(7),
        reader.GetInt64(8),
        reader.GetInt64(9),
        reader.GetString(10),
        reader.GetNullableString(11),
        reader.GetNullableInt64(12),
        reader.GetNullableString(13),
        reader.GetNullableString(14),
        reader.GetInt32(15),
        reader.GetNullableString(16),
        reader.GetNullableTime(17),
        reader.GetTime(18),
        reader.GetNullableTime(19),
        reader.GetNullableTime(20));
}
