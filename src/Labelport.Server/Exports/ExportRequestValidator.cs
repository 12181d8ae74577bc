using Labelport.Core.Export;
using Labelport.Core.Ontology;
using Labelport.Server.Hosting;
using Labelport.Server.LabelRows;
using Labelport.Storage;
using Labelport.Storage.Records;

namespace Labelport.Server.Exports;

/// <summary>
/// Checks an export request before a job is queued: format, TTL, and every listed feature hash, status and data
/// hash — each unknown value is named with its JSON path (<c>$.objectFeatureHashes[1]</c>).
/// </summary>
internal static class ExportRequestValidator
{
    public static async Task ValidateAsync(ExportRequest request, string projectHash, OntologyStructure ontology, ILabelRowStore labelRows, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!ExportFormats.IsKnown(request.Format))
        {
            errors.Add(new FieldError("$.format", "unknown format \"" + request.Format + "\" (expected json or coco)"));
        }
        if (request.SignedUrlTtlSeconds is < ExportRequest.MinSignedUrlTtlSeconds or > ExportRequest.MaxSignedUrlTtlSeconds)
        {
            errors.Add(new FieldError("$.signedUrlTtlSeconds", "expected " + ExportRequest.MinSignedUrlTtlSeconds + " to " + ExportRequest.MaxSignedUrlTtlSeconds + " seconds, found " + request.SignedUrlTtlSeconds));
        }
        CheckEach(request.ObjectFeatureHashes, "objectFeatureHashes", h => new ExportFilter { ObjectFeatureHashes = new HashSet<string> { h } }, ontology, errors);
        CheckEach(request.ClassificationFeatureHashes, "classificationFeatureHashes", h => new ExportFilter { ClassificationFeatureHashes = new HashSet<string> { h } }, ontology, errors);
        CheckEach(request.LabelStatuses, "labelStatuses", s => new ExportFilter { LabelStatuses = new HashSet<string> { s } }, ontology, errors);
        if (request.DataHashes is { Count: > 0 } dataHashes)
        {
            var known = await FindKnownDataHashesAsync(projectHash, dataHashes, labelRows, cancellationToken);
            for (var i = 0; i < dataHashes.Count; i++)
            {
                if (!known.Contains(dataHashes[i]))
                {
                    errors.Add(new FieldError("$.dataHashes[" + i + "]", "no label row of the project has the data hash \"" + dataHashes[i] + "\""));
                }
            }
        }
        if (errors.Count > 0)
        {
            throw ApiProblemException.BadRequest(errors.Count == 1 ? errors[0].Path + ": " + errors[0].Message : errors.Count + " problems in the export request", errors);
        }
    }

    private static void CheckEach(IReadOnlyList<string>? values, string name, Func<string, ExportFilter> single, OntologyStructure ontology, List<FieldError> errors)
    {
        if (values is null)
        {
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                errors.Add(new FieldError("$." + name + "[" + i + "]", "expected a string, found null"));
                continue;
            }
            foreach (var problem in ExportFilterValidator.FindUnknown(single(values[i]), ontology))
            {
                errors.Add(new FieldError("$." + name + "[" + i + "]", problem));
            }
        }
    }

    private static async Task<HashSet<string>> FindKnownDataHashesAsync(string projectHash, IReadOnlyList<string> dataHashes, ILabelRowStore labelRows, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var wanted = dataHashes.Where(h => h is not null).Distinct(StringComparer.Ordinal).ToArray();
        await foreach (var row in labelRows.ListAllAsync(new LabelRowQuery(projectHash) { DataHashes = wanted, Limit = 1000 }, cancellationToken))
        {
            known.Add(row.DataHash);
        }
        return known;
    }
}
