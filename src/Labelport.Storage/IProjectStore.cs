using Labelport.Storage.Records;

namespace Labelport.Storage;

/// <summary>Projects, members, datasets and data (SQLite and PostgreSQL implementations).</summary>
public interface IProjectStore
{
    /// <summary>Adds the project and makes <paramref name="creatorUserId"/> its admin, in one transaction.</summary>
    Task CreateProjectAsync(ProjectRecord project, string creatorUserId, CancellationToken cancellationToken);

    Task<ProjectRecord?> FindProjectAsync(string projectHash, CancellationToken cancellationToken);

    /// <summary>The projects the user belongs to with their role (every project as admin for a system admin).</summary>
    Task<IReadOnlyList<(ProjectRecord Project, ProjectRole Role)>> ListProjectsAsync(string userId, bool isSystemAdmin, CancellationToken cancellationToken);

    /// <summary>The user's role in the project, or null when not a member.</summary>
    Task<ProjectRole?> FindRoleAsync(string projectHash, string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberRecord>> ListMembersAsync(string projectHash, CancellationToken cancellationToken);

    Task SetMemberAsync(string projectHash, string userId, ProjectRole role, CancellationToken cancellationToken);

    Task<bool> RemoveMemberAsync(string projectHash, string userId, CancellationToken cancellationToken);

    Task CreateDatasetAsync(DatasetRecord dataset, CancellationToken cancellationToken);

    Task<DatasetRecord?> FindDatasetAsync(string datasetHash, CancellationToken cancellationToken);

    /// <summary>Datasets the user owns or that are attached to a project the user belongs to.</summary>
    Task<IReadOnlyList<DatasetRecord>> ListDatasetsAsync(string userId, bool isSystemAdmin, CancellationToken cancellationToken);

    Task AddDataItemsAsync(IReadOnlyList<DataItemRecord> items, CancellationToken cancellationToken);

    Task<IReadOnlyList<DataItemRecord>> ListDataItemsAsync(string datasetHash, CancellationToken cancellationToken);

    /// <summary>A data unit by its own hash (an image of a group has its own), for serving media.</summary>
    Task<DataUnitRecord?> FindDataUnitAsync(string dataHash, CancellationToken cancellationToken);

    /// <summary>The dataset hash of the stored data item ("" for external data naming none), or null when there is none.</summary>
    Task<string?> FindDataItemDatasetAsync(string dataHash, CancellationToken cancellationToken);

    /// <summary>Projects that hold the data unit (through an attached dataset or a label row).</summary>
    Task<IReadOnlyList<string>> ListProjectsHoldingDataUnitAsync(string dataHash, CancellationToken cancellationToken);

    /// <summary>Attaches the dataset and creates a NOT_LABELLED row for every item without one, in one transaction.</summary>
    Task AttachDatasetAsync(string projectHash, string datasetHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<DatasetRecord>> ListProjectDatasetsAsync(string projectHash, CancellationToken cancellationToken);
}
