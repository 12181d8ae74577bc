using Labelport.Storage;
using Labelport.Storage.Records;

namespace Labelport.Server.LabelRows;

/// <summary>
/// The data units of listed rows. A single image or video is its own unit; the units of groups come from their
/// dataset's items (read once per dataset and request).
/// </summary>
internal sealed class RowUnits(IProjectStore projects)
{
    private readonly Dictionary<string, Dictionary<string, DataItemRecord>> _itemsByDataset = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _attachedByProject = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<LabelRowUnitSummary>> ForAsync(LabelRowRecord row, CancellationToken cancellationToken)
    {
        if (row.DataType is "image" or "video")
        {
            var unit = await projects.FindDataUnitAsync(row.DataHash, cancellationToken);
            if (unit is not null)
            {
                return [ToSummary(unit)];
            }
        }
        // The row's dataset hash comes from its import: only datasets attached to the row's project are read.
        if (row.DatasetHash is { Length: > 0 } datasetHash && await IsAttachedAsync(row.ProjectHash, datasetHash, cancellationToken))
        {
            if (!_itemsByDataset.TryGetValue(datasetHash, out var items))
            {
                var list = await projects.ListDataItemsAsync(datasetHash, cancellationToken);
                items = list.ToDictionary(i => i.DataHash, StringComparer.Ordinal);
                _itemsByDataset[datasetHash] = items;
            }
            if (items.TryGetValue(row.DataHash, out var item))
            {
                return item.Units.OrderBy(u => u.Sequence).Select(ToSummary).ToArray();
            }
        }
        var single = await projects.FindDataUnitAsync(row.DataHash, cancellationToken);
        return single is null ? [] : [ToSummary(single)];
    }

    private async Task<bool> IsAttachedAsync(string projectHash, string datasetHash, CancellationToken cancellationToken)
    {
        if (!_attachedByProject.TryGetValue(projectHash, out var attached))
        {
            attached = (await projects.ListProjectDatasetsAsync(projectHash, cancellationToken)).Select(d => d.DatasetHash).ToHashSet(StringComparer.Ordinal);
            _attachedByProject[projectHash] = attached;
        }
        return attached.Contains(datasetHash);
    }

    private static LabelRowUnitSummary ToSummary(DataUnitRecord unit) => new(unit.DataHash, unit.Title, unit.Width, unit.Height, unit.Frames);
}
