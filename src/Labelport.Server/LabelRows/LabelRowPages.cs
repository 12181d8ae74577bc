using System.Runtime.CompilerServices;
using Labelport.Storage;
using Labelport.Storage.Records;

namespace Labelport.Server.LabelRows;

/// <summary>Every row a query selects, read page by page with the store's keyset paging (rows without their JSON).</summary>
internal static class LabelRowPages
{
    public static async IAsyncEnumerable<LabelRowRecord> ListAllAsync(this ILabelRowStore labelRows, LabelRowQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = query;
        while (true)
        {
            var rows = await labelRows.ListAsync(page, cancellationToken);
            foreach (var row in rows)
            {
                yield return row;
            }
            if (rows.Count < page.Limit)
            {
                yield break;
            }
            page = page with { After = (rows[^1].DataTitle, rows[^1].LabelHash) };
        }
    }
}
