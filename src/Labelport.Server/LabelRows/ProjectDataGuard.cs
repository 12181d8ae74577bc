using Labelport.Core.Model;
using Labelport.Server.Hosting;
using Labelport.Storage;

namespace Labelport.Server.LabelRows;

/// <summary>
/// The import edge of stored data: a row may name (as its data hash or a unit hash) data this server holds media of
/// only when the project holds that data, through an attached dataset or its own rows. Without this check the store
/// keeps the other dataset's item (its insert is skipped on conflict) and the row would reach that item's media,
/// titles and sizes. Data without media here (external data, links only) may be named by several projects: the same
/// Encord export is often imported into more than one.
/// </summary>
internal sealed class ProjectDataGuard(IProjectStore projects)
{
    private const string Problem = "belongs to a dataset this project does not hold";

    /// <summary>Adds a problem for the row's data hash and each unit hash that names data of another dataset.</summary>
    public async Task CheckAsync(string projectHash, LabelRow row, string rowPath, List<FieldError> problems, CancellationToken cancellationToken)
    {
        if (!await MayNameAsync(projectHash, row.DataHash, cancellationToken))
        {
            problems.Add(new FieldError(rowPath + ".data_hash", "data " + row.DataHash + " " + Problem));
        }
        foreach (var unitHash in row.DataUnits.Keys)
        {
            if (unitHash != row.DataHash && !await MayNameAsync(projectHash, unitHash, cancellationToken))
            {
                problems.Add(new FieldError(rowPath + ".data_units." + unitHash, "data " + unitHash + " " + Problem));
            }
        }
    }

    private async Task<bool> MayNameAsync(string projectHash, string dataHash, CancellationToken cancellationToken)
    {
        var unit = await projects.FindDataUnitAsync(dataHash, cancellationToken);
        if (unit is not null)
        {
            return unit.BlobKey is null || (await projects.ListProjectsHoldingDataUnitAsync(dataHash, cancellationToken)).Contains(projectHash);
        }
        // Not a unit: maybe the item of a group. Its own units may be named falsely, so the item itself is checked.
        var datasetHash = await projects.FindDataItemDatasetAsync(dataHash, cancellationToken);
        if (datasetHash is not { Length: > 0 } || await projects.FindDatasetAsync(datasetHash, cancellationToken) is null)
        {
            return true;
        }
        return (await projects.ListProjectsHoldingDataUnitAsync(dataHash, cancellationToken)).Contains(projectHash)
            || (await projects.ListProjectDatasetsAsync(projectHash, cancellationToken)).Any(d => d.DatasetHash == datasetHash);
    }
}
