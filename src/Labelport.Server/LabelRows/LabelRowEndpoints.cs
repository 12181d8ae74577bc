using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Server.Auth;
using Labelport.Server.Hosting;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelport.Server.LabelRows;

/// <summary>Import, list, read, replace and re-status label rows of a project.</summary>
internal static class LabelRowEndpoints
{
    private const int MaxPageSize = 1000;

    public static void MapLabelRowEndpoints(this IEndpointRouteBuilder app, long maxImportBytes)
    {
        var rows = app.MapGroup("/api/projects/{projectHash}/label-rows").WithTags("Label rows").RequireAuthorization();
        rows.MapPost("", (string projectHash, Caller caller, HttpContext context, ProjectAccess access, LabelRowImporter importer) =>
            ImportAsync(projectHash, caller, context, access, importer, maxImportBytes)).Accepts<object>("application/json");
        rows.MapGet("", ListAsync);
        rows.MapGet("/{labelHash}", GetAsync);
        rows.MapPut("/{labelHash}", (string projectHash, string labelHash, Caller caller, HttpContext context, ProjectAccess access, ILabelRowStore store, IProjectStore projects, LabelRowImporter importer) =>
            ReplaceAsync(projectHash, labelHash, caller, context, access, store, projects, importer, maxImportBytes)).Accepts<object>("application/json");
        rows.MapPatch("/{labelHash}", SetStatusAsync);
    }

    private static async Task<Ok<ImportResult>> ImportAsync(string projectHash, Caller caller, HttpContext context, ProjectAccess access, LabelRowImporter importer, long maxImportBytes)
    {
        var grant = await access.RequireAsync(caller, projectHash, ProjectRole.Annotator, context.RequestAborted);
        var body = await RequestBodies.BufferAsync(context, maxImportBytes);
        return TypedResults.Ok(await importer.ImportAsync(grant.Project, grant.Role, body, context.RequestAborted));
    }

    private static async Task<Ok<LabelRowPage>> ListAsync(
        string projectHash,
        string? dataHashes,
        string? labelStatuses,
        string? editedAfter,
        string? editedBefore,
        int? limit,
        string? cursor,
        Caller caller,
        ProjectAccess access,
        ILabelRowStore store,
        IProjectStore projects,
        CancellationToken cancellationToken)
    {
        await access.RequireAsync(caller, projectHash, ProjectRole.Annotator, cancellationToken);
        var pageSize = limit ?? 100;
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw ApiProblemException.Invalid("limit", "expected 1 to " + MaxPageSize + ", found " + pageSize);
        }
        var query = new LabelRowQuery(projectHash)
        {
            DataHashes = SplitList(dataHashes),
            LabelStatuses = ParseStatuses(labelStatuses),
            EditedAfter = ParseTime(editedAfter, "editedAfter"),
            EditedBefore = ParseTime(editedBefore, "editedBefore"),
            After = cursor is null ? null : LabelRowCursor.Decode(cursor),
            Limit = pageSize + 1,
        };
        var page = await store.ListAsync(query, cancellationToken);
        var units = new RowUnits(projects);
        var count = Math.Min(page.Count, pageSize);
        var items = new LabelRowSummary[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = LabelRowSummary.From(page[i], await units.ForAsync(page[i], cancellationToken));
        }
        var next = page.Count > pageSize ? LabelRowCursor.Encode(items[^1].DataTitle, items[^1].LabelHash) : null;
        return TypedResults.Ok(new LabelRowPage(items, next));
    }

    private static async Task GetAsync(string projectHash, string labelHash, Caller caller, HttpContext context, ProjectAccess access, ILabelRowStore store)
    {
        var cancellationToken = context.RequestAborted;
        await access.RequireAsync(caller, projectHash, ProjectRole.Annotator, cancellationToken);
        var record = await store.FindAsync(projectHash, labelHash, cancellationToken) ?? throw ApiProblemException.NotFound("Label row " + labelHash);
        var row = LabelRowJson.Read(record.Json);
        foreach (var entry in await store.ListHistoryAsync(projectHash, labelHash, cancellationToken))
        {
            row.ExportHistory.Add(new ExportHistoryEntry { ExportHash = entry.ExportHash, ExportedAt = EncordDates.Format(entry.ExportedAt), UserEmail = entry.UserEmail });
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new LabelRowWriter(context.Response.Body);
        writer.Write(row);
        await writer.FlushAsync(cancellationToken);
    }

    private static async Task<Ok<LabelRowSummary>> ReplaceAsync(string projectHash, string labelHash, Caller caller, HttpContext context, ProjectAccess access, ILabelRowStore store, IProjectStore projects, LabelRowImporter importer, long maxImportBytes)
    {
        var cancellationToken = context.RequestAborted;
        var grant = await access.RequireAsync(caller, projectHash, ProjectRole.Annotator, cancellationToken);
        var existing = await store.FindAsync(projectHash, labelHash, cancellationToken) ?? throw ApiProblemException.NotFound("Label row " + labelHash);
        var body = await RequestBodies.BufferAsync(context, maxImportBytes);
        var record = await importer.ReplaceAsync(grant.Project, grant.Role, existing, body, cancellationToken);
        return TypedResults.Ok(LabelRowSummary.From(record, await new RowUnits(projects).ForAsync(record, cancellationToken)));
    }

    private static async Task<Ok<LabelRowSummary>> SetStatusAsync(string projectHash, string labelHash, SetLabelStatusRequest request, Caller caller, ProjectAccess access, ILabelRowStore store, IProjectStore projects, LabelRowImporter importer, CancellationToken cancellationToken)
    {
        var grant = await access.RequireAsync(caller, projectHash, ProjectRole.Reviewer, cancellationToken);
        if (!StatusNames.TryParseLabelStatus(request.LabelStatus, out _))
        {
            throw ApiProblemException.Invalid("$.labelStatus", "unknown label status \"" + request.LabelStatus + "\"; expected one of " + string.Join(", ", StatusNames.AllLabelStatuses));
        }
        var existing = await store.FindAsync(projectHash, labelHash, cancellationToken) ?? throw ApiProblemException.NotFound("Label row " + labelHash);
        var record = await importer.SetStatusAsync(grant.Project, existing, request.LabelStatus, cancellationToken);
        return TypedResults.Ok(LabelRowSummary.From(record, await new RowUnits(projects).ForAsync(record, cancellationToken)));
    }

    private static string[]? SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[]? ParseStatuses(string? text)
    {
        var statuses = SplitList(text);
        if (statuses is null)
        {
            return null;
        }
        for (var i = 0; i < statuses.Length; i++)
        {
            if (!StatusNames.TryParseLabelStatus(statuses[i], out _))
            {
                throw ApiProblemException.Invalid("labelStatuses[" + i + "]", "unknown label status \"" + statuses[i] + "\"; expected one of " + string.Join(", ", StatusNames.AllLabelStatuses));
            }
        }
        return statuses;
    }

    private static DateTimeOffset? ParseTime(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return EncordDates.TryParse(text, out var value) ? value : throw ApiProblemException.Invalid(name, "not a date and time: \"" + text + "\" (use ISO 8601, e.g. 2026-12-01T08:19:17Z)");
    }
}
