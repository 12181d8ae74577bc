using Labelport.Core.Model;
using Labelport.Core.Ontology;

namespace Labelport.Core.Export;

/// <summary>Checks a filter's feature hashes and statuses against an ontology: unknown values are named, never ignored.</summary>
public static class ExportFilterValidator
{
    public static IReadOnlyList<string> FindUnknown(ExportFilter filter, OntologyStructure ontology)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(ontology);
        var problems = new List<string>();
        foreach (var hash in filter.ObjectFeatureHashes ?? Empty)
        {
            if (!ontology.TryGetObject(hash, out _))
            {
                problems.Add("unknown object feature hash \"" + hash + "\"");
            }
        }
        foreach (var hash in filter.ClassificationFeatureHashes ?? Empty)
        {
            if (!ontology.TryGetClassification(hash, out _))
            {
                problems.Add("unknown classification feature hash \"" + hash + "\"");
            }
        }
        foreach (var status in filter.LabelStatuses ?? Empty)
        {
            if (!StatusNames.TryParseLabelStatus(status, out _))
            {
                problems.Add("unknown label status \"" + status + "\" (expected " + string.Join(", ", StatusNames.AllLabelStatuses) + ")");
            }
        }
        return problems;
    }

    private static readonly HashSet<string> Empty = [];
}
