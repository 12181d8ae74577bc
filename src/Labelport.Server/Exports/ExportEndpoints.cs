using Labelport.Server.Auth;
using Labelport.Server.Hosting;
using Labelport.Server.Projects;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Labelport.Server.Exports;

/// <summary>Start, follow, download, cancel and list exports (admin and team_manager of the project only).</summary>
internal static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var projectExports = app.MapGroup("/api/projects/{projectHash}/exports").WithTags("Exports").RequireAuthorization();
        projectExports.MapPost("", StartAsync);
        projectExports.MapGet("", ListAsync);

        var exports = app.MapGroup("/api/exports/{exportHash}").WithTags("Exports").RequireAuthorization();
        exports.MapGet("", GetAsync);
        exports.MapPost("/cancel", CancelAsync);
        exports.MapGet("/file", DownloadAsync);
    }

    private static async Task<Results<Ok<ExportJobResponse>, Accepted<ExportJobResponse>>> StartAsync(
        string projectHash,
        ExportRequest request,
        Caller caller,
        ProjectAccess access,
        OntologyCache ontologies,
        ILabelRowStore labelRows,
        IExportJobStore jobs,
        ExportWorkSignal signal,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var grant = await access.RequireAsync(caller, projectHash, ProjectRole.TeamManager, cancellationToken);
        await ExportRequestValidator.ValidateAsync(request, projectHash, ontologies.Get(grant.Project), labelRows, cancellationToken);
        var key = ExportRequestKey.Create(request);
        if (await jobs.FindActiveAsync(projectHash, key, cancellationToken) is { } active)
        {
            return TypedResults.Ok(ExportJobResponse.From(active));
        }
        var now = time.GetUtcNow();
        var job = new ExportJobRecord(
            Guid.NewGuid().ToString(),
            projectHash,
            request.Format,
            ExportRequestJson.Serialize(request),
            key,
            caller.UserId,
            caller.User.Email,
            ExportJobStatus.Queued,
            0,
            0,
            ExportFileNames.For(projectHash, request.Format, now),
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            now,
            null,
            null);
        await jobs.CreateAsync(job, cancellationToken);
        signal.Notify();
        return TypedResults.Accepted("/api/exports/" + job.ExportHash, ExportJobResponse.From(job));
    }

    private static async Task<Ok<ExportJobResponse[]>> ListAsync(string projectHash, Caller caller, ProjectAccess access, IExportJobStore jobs, CancellationToken cancellationToken)
    {
        await access.RequireAsync(caller, projectHash, ProjectRole.TeamManager, cancellationToken);
        var list = await jobs.ListAsync(projectHash, cancellationToken);
        return TypedResults.Ok(list.Select(ExportJobResponse.From).ToArray());
    }

    private static async Task<Ok<ExportJobResponse>> GetAsync(string exportHash, Caller caller, ProjectAccess access, IExportJobStore jobs, CancellationToken cancellationToken)
    {
        var job = await FindAsync(exportHash, caller, access, jobs, cancellationToken);
        return TypedResults.Ok(ExportJobResponse.From(job));
    }

    private static async Task<Ok<ExportJobResponse>> CancelAsync(string exportHash, Caller caller, ProjectAccess access, IExportJobStore jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = await FindAsync(exportHash, caller, access, jobs, cancellationToken);
        if (job.Status is not (ExportJobStatus.Queued or ExportJobStatus.Running))
        {
            throw ApiProblemException.Conflict("The export is " + ExportJobResponse.StatusName(job.Status) + " and cannot be cancelled.");
        }
        var cancelled = await jobs.CancelAsync(exportHash, time.GetUtcNow(), cancellationToken) ?? throw ApiProblemException.NotFound("Export " + exportHash);
        if (cancelled.Status != ExportJobStatus.Cancelled)
        {
            throw ApiProblemException.Conflict("The export finished as " + ExportJobResponse.StatusName(cancelled.Status) + " before it could be cancelled.");
        }
        return TypedResults.Ok(ExportJobResponse.From(cancelled));
    }

    private static async Task<Results<FileStreamHttpResult, RedirectHttpResult>> DownloadAsync(
        string exportHash, Caller caller, ProjectAccess access, IExportJobStore jobs, IBlobStore blobs, LabelportServerOptions options, CancellationToken cancellationToken)
    {
        var job = await FindAsync(exportHash, caller, access, jobs, cancellationToken);
        if (job.Status != ExportJobStatus.Succeeded || job.BlobKey is null)
        {
            throw ApiProblemException.Conflict("The export is " + ExportJobResponse.StatusName(job.Status) + "; its file can be downloaded once it succeeded.");
        }
        // With S3, the client can fetch the file from the bucket directly (Range and all) after the access check here.
        if (options.PresignDownloads && blobs.TryGetPresignedUrl(job.BlobKey, options.PresignedDownloadLifetime, job.FileName) is { } presigned)
        {
            return TypedResults.Redirect(presigned.AbsoluteUri);
        }
        var stream = await blobs.OpenReadAsync(job.BlobKey, cancellationToken)
            ?? throw new InvalidOperationException("The file of succeeded export " + exportHash + " is missing from the blob store.");
        return TypedResults.Stream(stream, "application/json", job.FileName, lastModified: job.FinishedAt, entityTag: new EntityTagHeaderValue("\"" + job.Sha256 + "\""), enableRangeProcessing: true);
    }

    /// <summary>The job, when the caller is admin or team manager of its project (non-members: 404).</summary>
    private static async Task<ExportJobRecord> FindAsync(string exportHash, Caller caller, ProjectAccess access, IExportJobStore jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(exportHash, cancellationToken) ?? throw ApiProblemException.NotFound("Export " + exportHash);
        try
        {
            await access.RequireAsync(caller, job.ProjectHash, ProjectRole.TeamManager, cancellationToken);
        }
        catch (ApiProblemException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            throw ApiProblemException.NotFound("Export " + exportHash);
        }
        return job;
    }
}
