using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Core.Validation;
using Labelport.Server.Hosting;
using Labelport.Server.Projects;
using Labelport.Storage;
using Labelport.Storage.Records;

namespace Labelport.Server.LabelRows;

/// <summary>
/// Label-row imports: every row is read and validated against the project's ontology first; any problem → 400
/// with all of them and nothing stored; otherwise all rows are stored in one transaction.
/// </summary>
public sealed class LabelRowImporter(ILabelRowStore labelRows, IProjectStore projects, OntologyCache ontologies, TimeProvider time)
{
    private readonly ProjectDataGuard _dataGuard = new(projects);

    /// <summary>Most problems reported for one request (the rest are counted in the detail).</summary>
    private const int MaxReportedProblems = 10_000;

    /// <summary>POST: the caller's <paramref name="role"/> bounds the label statuses it may set (<see cref="LabelStatusRights"/>).</summary>
    public async Task<ImportResult> ImportAsync(ProjectRecord project, ProjectRole role, Stream body, CancellationToken cancellationToken)
    {
        var rows = new List<LabelRow>();
        var single = false;
        var problems = new List<FieldError>();
        foreach (var result in LabelRowReader.ReadEach(body))
        {
            single = result.Index < 0;
            if (result.Error is { } error)
            {
                problems.Add(new FieldError(error.Path, error.Problem));
            }
            else if (result.Row is { } row)
            {
                rows.Add(row);
                Validate(project, row, result.Index, problems);
            }
        }
        ThrowIfProblems(problems);
        if (rows.Count == 0)
        {
            throw ApiProblemException.Invalid("$", "no label rows in the body");
        }
        return await StoreAsync(project, role, rows, single, cancellationToken);
    }

    /// <summary>Stores rows built in code (the demo): validated like an import.</summary>
    public async Task<ImportResult> ImportRowsAsync(ProjectRecord project, IReadOnlyList<LabelRow> rows, CancellationToken cancellationToken)
    {
        var problems = new List<FieldError>();
        for (var i = 0; i < rows.Count; i++)
        {
            Validate(project, rows[i], i, problems);
        }
        ThrowIfProblems(problems);
        return await StoreAsync(project, ProjectRole.Admin, rows, single: false, cancellationToken);
    }

    /// <summary>PUT: one row replaces the stored row with the label hash of the route.</summary>
    public async Task<LabelRowRecord> ReplaceAsync(ProjectRecord project, ProjectRole role, LabelRowRecord existing, Stream body, CancellationToken cancellationToken)
    {
        LabelRow? row = null;
        var problems = new List<FieldError>();
        foreach (var result in LabelRowReader.ReadEach(body))
        {
            if (result.Error is { } error)
            {
                problems.Add(new FieldError(error.Path, error.Problem));
            }
            else if (row is not null || result.Index >= 0)
            {
                throw ApiProblemException.Invalid("$", "expected one label row object, found an array");
            }
            else
            {
                row = result.Row;
            }
        }
        ThrowIfProblems(problems);
        if (row is null)
        {
            throw ApiProblemException.Invalid("$", "no label row in the body");
        }
        if (row.LabelHash is not null && row.LabelHash != existing.LabelHash)
        {
            throw ApiProblemException.Invalid("$.label_hash", "\"" + row.LabelHash + "\" differs from the label hash of the URL, " + existing.LabelHash);
        }
        if (row.DataHash != existing.DataHash)
        {
            throw ApiProblemException.Invalid("$.data_hash", "\"" + row.DataHash + "\" differs from the row's data hash " + existing.DataHash);
        }
        Validate(project, row, -1, problems);
        ThrowIfProblems(problems);
        LabelStatusRights.Require(role, existing.LabelStatus, row, "$.label_status");
        await _dataGuard.CheckAsync(project.ProjectHash, row, "$", problems, cancellationToken);
        ThrowIfProblems(problems);
        var record = ToRecord(project, row, existing.LabelHash, existing.DatasetHash, existing.CreatedAt, time.GetUtcNow(), touch: true);
        if (!await labelRows.UpdateAsync(record, cancellationToken))
        {
            throw ApiProblemException.NotFound("Label row " + existing.LabelHash);
        }
        return record;
    }

    /// <summary>PATCH: the row's label status, in its columns and its JSON.</summary>
    public async Task<LabelRowRecord> SetStatusAsync(ProjectRecord project, LabelRowRecord existing, string labelStatus, CancellationToken cancellationToken)
    {
        var row = LabelRowJson.Read(existing.Json);
        row.LabelStatusName = labelStatus;
        var record = ToRecord(project, row, existing.LabelHash, existing.DatasetHash, existing.CreatedAt, time.GetUtcNow(), touch: true);
        if (!await labelRows.UpdateAsync(record, cancellationToken))
        {
            throw ApiProblemException.NotFound("Label row " + existing.LabelHash);
        }
        return record;
    }

    private void Validate(ProjectRecord project, LabelRow row, int index, List<FieldError> problems)
    {
        var validator = new LabelRowValidator(ontologies.Get(project));
        foreach (var problem in validator.Validate(row, index))
        {
            problems.Add(new FieldError(problem.Path, problem.Message));
        }
    }

    private static void ThrowIfProblems(List<FieldError> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }
        var detail = problems.Count == 1
            ? problems[0].Path + ": " + problems[0].Message
            : problems.Count + " problems; nothing was imported. First: " + problems[0].Path + ": " + problems[0].Message;
        var reported = problems.Count > MaxReportedProblems ? problems.GetRange(0, MaxReportedProblems) : problems;
        throw ApiProblemException.BadRequest(detail, reported);
    }

    private async Task<ImportResult> StoreAsync(ProjectRecord project, ProjectRole role, IReadOnlyList<LabelRow> rows, bool single, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existingByData = await FindRowsByDataHashAsync(project.ProjectHash, rows, cancellationToken);
        var records = new List<LabelRowRecord>(rows.Count);
        var newItems = new List<DataItemRecord>();
        var newItemHashes = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<FieldError>();
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            LabelRowRecord? existing = null;
            if (row.LabelHash is { } labelHash)
            {
                existing = await labelRows.FindAsync(project.ProjectHash, labelHash, cancellationToken);
                if (existing is not null && existing.DataHash != row.DataHash)
                {
                    throw ApiProblemException.Invalid((single ? "$" : "$[" + index + "]") + ".label_hash", "label row " + labelHash + " belongs to data " + existing.DataHash + ", not " + row.DataHash);
                }
            }
            existing ??= existingByData.GetValueOrDefault(row.DataHash);
            var path = single ? "$" : "$[" + index + "]";
            LabelStatusRights.Require(role, existing?.LabelStatus, row, path + ".label_status");
            await _dataGuard.CheckAsync(project.ProjectHash, row, path, problems, cancellationToken);
            if (existing is null && newItemHashes.Add(row.DataHash))
            {
                newItems.Add(ExternalData.ToDataItem(row, now));
            }
            var hash = existing?.LabelHash ?? row.LabelHash ?? Guid.NewGuid().ToString();
            var createdAt = existing?.CreatedAt ?? (EncordDates.TryParse(row.CreatedAt, out var created) ? created : now);
            records.Add(ToRecord(project, row, hash, existing?.DatasetHash ?? row.DatasetHash, createdAt, now, touch: false));
        }
        ThrowIfProblems(problems);
        await labelRows.ImportAsync(project.ProjectHash, records, newItems, cancellationToken);
        return new ImportResult(records.Count, records.Select(r => r.LabelHash).ToArray());
    }

    private async Task<Dictionary<string, LabelRowRecord>> FindRowsByDataHashAsync(string projectHash, IReadOnlyList<LabelRow> rows, CancellationToken cancellationToken)
    {
        var dataHashes = rows.Select(r => r.DataHash).Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, LabelRowRecord>(StringComparer.Ordinal);
        await foreach (var row in labelRows.ListAllAsync(new LabelRowQuery(projectHash) { DataHashes = dataHashes, Limit = 1000 }, cancellationToken))
        {
            found.TryAdd(row.DataHash, row);
        }
        return found;
    }

    /// <summary>The stored form of a row; <paramref name="touch"/> stamps an edit made through this server.</summary>
    private static LabelRowRecord ToRecord(ProjectRecord project, LabelRow row, string labelHash, string? datasetHash, DateTimeOffset createdAt, DateTimeOffset now, bool touch)
    {
        row.LabelHash = labelHash;
        row.CreatedAt ??= EncordDates.Format(createdAt);
        if (touch || !EncordDates.TryParse(row.LastEditedAt, out var lastEdited))
        {
            lastEdited = now;
            row.LastEditedAt = EncordDates.Format(now);
        }
        row.LabelStatusName ??= "NOT_LABELLED";
        var title = row.DataTitle ?? FirstUnitTitle(row) ?? row.DataHash;
        return new LabelRowRecord(
            project.ProjectHash,
            labelHash,
            row.DataHash,
            title,
            row.DataType ?? "image",
            datasetHash,
            row.LabelStatusName,
            row.AnnotationTaskStatusName,
            createdAt,
            lastEdited,
            LabelRowJson.CountObjects(row),
            LabelRowJson.CountClassifications(row),
            LabelRowJson.Write(row));
    }

    private static string? FirstUnitTitle(LabelRow row)
    {
        foreach (var unit in row.DataUnits.Values)
        {
            return unit.DataTitle;
        }
        return null;
    }
}
