using Labelport.Storage.Records;
using Npgsql;

namespace Labelport.Storage.Postgres;

internal sealed class PostgresProjectStore(NpgsqlDataSource database) : IProjectStore
{
    private const string ProjectColumns = "p.project_hash, p.title, p.description, p.ontology_json, p.created_at";
    private const string DatasetColumns = "d.dataset_hash, d.title, d.description, d.owner_user_id, d.created_at";
    private const int AttachPageSize = 500;

    public async Task CreateProjectAsync(ProjectRecord project, string creatorUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = PostgresSql.Command(connection, transaction, """
            INSERT INTO projects (project_hash, title, description, ontology_json, created_at)
            VALUES (@hash, @title, @description, @ontology, @created)
            """))
        {
            await insert.With("@hash", project.ProjectHash).With("@title", project.Title).With("@description", project.Description)
                .With("@ontology", project.OntologyJson).With("@created", project.CreatedAt).ExecuteNonQueryAsync(cancellationToken);
        }
        await UpsertMemberAsync(connection, transaction, project.ProjectHash, creatorUserId, ProjectRole.Admin, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ProjectRecord?> FindProjectAsync(string projectHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, $"SELECT {ProjectColumns} FROM projects p WHERE p.project_hash = @hash")
            .With("@hash", projectHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadProject(reader) : null;
    }

    public async Task<IReadOnlyList<(ProjectRecord Project, ProjectRole Role)>> ListProjectsAsync(string userId, bool isSystemAdmin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, isSystemAdmin
            ? $"SELECT {ProjectColumns}, {(int)ProjectRole.Admin}::smallint FROM projects p ORDER BY p.title, p.project_hash"
            : $"""
              SELECT {ProjectColumns}, m.role FROM projects p JOIN project_members m ON m.project_hash = p.project_hash
              WHERE m.user_id = @user ORDER BY p.title, p.project_hash
              """)
            .With("@user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var projects = new List<(ProjectRecord, ProjectRole)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            projects.Add((ReadProject(reader), (ProjectRole)reader.GetInt16(5)));
        }
        return projects;
    }

    public async Task<ProjectRole?> FindRoleAsync(string projectHash, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, "SELECT role FROM project_members WHERE project_hash = @project AND user_id = @user")
            .With("@project", projectHash).With("@user", userId);
        var role = await command.ExecuteScalarAsync(cancellationToken);
        return role is short value ? (ProjectRole)value : null;
    }

    public async Task<IReadOnlyList<MemberRecord>> ListMembersAsync(string projectHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, """
            SELECT m.project_hash, m.user_id, u.email, u.name, m.role
            FROM project_members m JOIN users u ON u.user_id = m.user_id
            WHERE m.project_hash = @project ORDER BY lower(u.email), u.user_id
            """)
            .With("@project", projectHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<MemberRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(new MemberRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), (ProjectRole)reader.GetInt16(4)));
        }
        return members;
    }

    public async Task SetMemberAsync(string projectHash, string userId, ProjectRole role, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await UpsertMemberAsync(connection, null, projectHash, userId, role, cancellationToken);
    }

    public async Task<bool> RemoveMemberAsync(string projectHash, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, "DELETE FROM project_members WHERE project_hash = @project AND user_id = @user")
            .With("@project", projectHash).With("@user", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task CreateDatasetAsync(DatasetRecord dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, """
            INSERT INTO datasets (dataset_hash, title, description, owner_user_id, created_at)
            VALUES (@hash, @title, @description, @owner, @created)
            """)
            .With("@hash", dataset.DatasetHash).With("@title", dataset.Title).With("@description", dataset.Description)
            .With("@owner", dataset.OwnerUserId).With("@created", dataset.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DatasetRecord?> FindDatasetAsync(string datasetHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, $"SELECT {DatasetColumns} FROM datasets d WHERE d.dataset_hash = @hash")
            .With("@hash", datasetHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDataset(reader) : null;
    }

    public async Task<IReadOnlyList<DatasetRecord>> ListDatasetsAsync(string userId, bool isSystemAdmin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, isSystemAdmin
            ? $"SELECT {DatasetColumns} FROM datasets d ORDER BY d.title, d.dataset_hash"
            : $"""
              SELECT {DatasetColumns} FROM datasets d
              WHERE d.owner_user_id = @user
                 OR EXISTS (SELECT 1 FROM project_datasets pd JOIN project_members m ON m.project_hash = pd.project_hash
                            WHERE pd.dataset_hash = d.dataset_hash AND m.user_id = @user)
              ORDER BY d.title, d.dataset_hash
              """)
            .With("@user", userId);
        return await ReadDatasetsAsync(command, cancellationToken);
    }

    public async Task AddDataItemsAsync(IReadOnlyList<DataItemRecord> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PostgresDataItems.InsertAsync(connection, transaction, items, ignoreExisting: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DataItemRecord>> ListDataItemsAsync(string datasetHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await PostgresDataItems.ListAsync(connection, datasetHash, cancellationToken);
    }

    public async Task<DataUnitRecord?> FindDataUnitAsync(string dataHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, $"SELECT {PostgresDataItems.UnitColumns} FROM data_units u WHERE u.data_hash = @hash")
            .With("@hash", dataHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PostgresDataItems.ReadUnit(reader) : null;
    }

    public async Task<string?> FindDataItemDatasetAsync(string dataHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, "SELECT dataset_hash FROM data_items WHERE data_hash = @hash").With("@hash", dataHash);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<string>> ListProjectsHoldingDataUnitAsync(string dataHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, """
            SELECT pd.project_hash
            FROM data_units u JOIN data_items i ON i.data_hash = u.item_data_hash
                              JOIN project_datasets pd ON pd.dataset_hash = i.dataset_hash
            WHERE u.data_hash = @hash
            UNION
            SELECT r.project_hash FROM label_rows r
            WHERE r.data_hash = @hash OR r.data_hash = (SELECT item_data_hash FROM data_units WHERE data_hash = @hash)
            ORDER BY 1
            """)
            .With("@hash", dataHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var projects = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            projects.Add(reader.GetString(0));
        }
        return projects;
    }

    public async Task AttachDatasetAsync(string projectHash, string datasetHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var attach = PostgresSql.Command(connection, transaction,
            "INSERT INTO project_datasets (project_hash, dataset_hash) VALUES (@project, @dataset) ON CONFLICT DO NOTHING"))
        {
            await attach.With("@project", projectHash).With("@dataset", datasetHash).ExecuteNonQueryAsync(cancellationToken);
        }
        string? datasetTitle;
        await using (var title = PostgresSql.Command(connection, transaction, "SELECT title FROM datasets WHERE dataset_hash = @dataset"))
        {
            datasetTitle = (string?)await title.With("@dataset", datasetHash).ExecuteScalarAsync(cancellationToken);
        }
        string? after = null;
        while (true)
        {
            var items = await PostgresDataItems.ListPageAsync(connection, transaction, datasetHash, after, AttachPageSize, cancellationToken);
            if (items.Count == 0)
            {
                break;
            }
            after = items[^1].DataHash;
            await InsertEmptyRowsAsync(connection, transaction, projectHash, items, datasetTitle, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DatasetRecord>> ListProjectDatasetsAsync(string projectHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresSql.Command(connection, null, $"""
            SELECT {DatasetColumns} FROM datasets d JOIN project_datasets pd ON pd.dataset_hash = d.dataset_hash
            WHERE pd.project_hash = @project ORDER BY d.title, d.dataset_hash
            """)
            .With("@project", projectHash);
        return await ReadDatasetsAsync(command, cancellationToken);
    }

    /// <summary>A NOT_LABELLED row for every item of the page the project has no row for, in one round trip.</summary>
    private static async Task InsertEmptyRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string projectHash, IReadOnlyList<DataItemRecord> items, string? datasetTitle,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var item in items)
        {
            var labelHash = Guid.NewGuid().ToString();
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO label_rows (project_hash, label_hash, data_hash, data_title, data_type, dataset_hash, label_status,
                                        annotation_task_status, created_at, last_edited_at, object_count, classification_count, json)
                SELECT $1, $2, $3, $4, $5, $6, $7, NULL, $8, $8, 0, 0, $9
                WHERE NOT EXISTS (SELECT 1 FROM label_rows WHERE project_hash = $1 AND data_hash = $3)
                """);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = projectHash });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = labelHash });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.DataHash });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.Title });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.DataType });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.DatasetHash });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EmptyLabelRow.Status });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = PostgresSql.ToStored(now) });
            insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = EmptyLabelRow.ToJson(item, datasetTitle, labelHash, now) });
            batch.BatchCommands.Add(insert);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task UpsertMemberAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string projectHash, string userId, ProjectRole role, CancellationToken cancellationToken)
    {
        await using var command = PostgresSql.Command(connection, transaction, """
            INSERT INTO project_members (project_hash, user_id, role) VALUES (@project, @user, @role)
            ON CONFLICT (project_hash, user_id) DO UPDATE SET role = excluded.role
            """)
            .With("@project", projectHash).With("@user", userId).With("@role", (int)role);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<DatasetRecord>> ReadDatasetsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var datasets = new List<DatasetRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            datasets.Add(ReadDataset(reader));
        }
        return datasets;
    }

    private static ProjectRecord ReadProject(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), reader.GetString(3), reader.GetTime(4));

    private static DatasetRecord ReadDataset(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), reader.GetString(3), reader.GetTime(4));
}
