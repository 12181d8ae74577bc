using System.Globalization;
using Labelport.Server.Auth;
using Labelport.Server.Hosting;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelport.Server.Datasets;

/// <summary>Datasets, their media uploads, and attaching them to projects.</summary>
internal static class DatasetEndpoints
{
    public static void MapDatasetEndpoints(this IEndpointRouteBuilder app, long maxUploadBytes)
    {
        var datasets = app.MapGroup("/api/datasets").WithTags("Datasets").RequireAuthorization();
        datasets.MapPost("", CreateAsync);
        datasets.MapGet("", ListAsync);
        datasets.MapGet("/{datasetHash}", GetAsync);
        datasets.MapGet("/{datasetHash}/data", ListDataAsync);
        datasets.MapPost("/{datasetHash}/data", (string datasetHash, Caller caller, HttpContext context, IProjectStore projects, MediaUploader uploader) =>
            UploadAsync(datasetHash, caller, context, projects, uploader, maxUploadBytes)).Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();

        var projectDatasets = app.MapGroup("/api/projects/{projectHash}/datasets").WithTags("Datasets").RequireAuthorization();
        projectDatasets.MapPost("", AttachAsync);
        projectDatasets.MapGet("", ListAttachedAsync);
    }

    private static async Task<Created<DatasetResponse>> CreateAsync(CreateDatasetRequest request, Caller caller, IProjectStore projects, TimeProvider time, CancellationToken cancellationToken)
    {
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 500)
        {
            throw ApiProblemException.Invalid("$.title", "a dataset needs a title of 1 to 500 characters");
        }
        var dataset = new DatasetRecord(Guid.NewGuid().ToString(), title, request.Description, caller.UserId, time.GetUtcNow());
        await projects.CreateDatasetAsync(dataset, cancellationToken);
        return TypedResults.Created("/api/datasets/" + dataset.DatasetHash, DatasetResponse.From(dataset));
    }

    private static async Task<Ok<DatasetResponse[]>> ListAsync(Caller caller, IProjectStore projects, CancellationToken cancellationToken)
    {
        var list = await projects.ListDatasetsAsync(caller.UserId, caller.IsSystemAdmin, cancellationToken);
        return TypedResults.Ok(list.Select(DatasetResponse.From).ToArray());
    }

    private static async Task<Ok<DatasetResponse>> GetAsync(string datasetHash, Caller caller, IProjectStore projects, CancellationToken cancellationToken) =>
        TypedResults.Ok(DatasetResponse.From(await FindVisibleAsync(datasetHash, caller, projects, cancellationToken)));

    private static async Task<Ok<DataItemResponse[]>> ListDataAsync(string datasetHash, Caller caller, IProjectStore projects, CancellationToken cancellationToken)
    {
        await FindVisibleAsync(datasetHash, caller, projects, cancellationToken);
        var items = await projects.ListDataItemsAsync(datasetHash, cancellationToken);
        return TypedResults.Ok(items.Select(DataItemResponse.From).ToArray());
    }

    private static async Task<Created<DataItemResponse[]>> UploadAsync(string datasetHash, Caller caller, HttpContext context, IProjectStore projects, MediaUploader uploader, long maxUploadBytes)
    {
        var cancellationToken = context.RequestAborted;
        var dataset = await FindVisibleAsync(datasetHash, caller, projects, cancellationToken);
        if (!await MayUploadAsync(dataset, caller, projects, cancellationToken))
        {
            throw ApiProblemException.Forbidden("Uploads need the dataset's owner, a system admin, or an admin or team manager of a project it is attached to.");
        }
        if (!context.Request.HasFormContentType)
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the files as multipart/form-data.");
        }
        RequestBodies.AllowUpTo(context, maxUploadBytes);
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new Microsoft.AspNetCore.Http.Features.FormOptions
        {
            MultipartBodyLengthLimit = maxUploadBytes,
            ValueCountLimit = 64,
        }));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException malformed)
        {
            throw MultipartProblem(malformed);
        }
        catch (IOException truncated) when (truncated is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw MultipartProblem(truncated);
        }
        var request = new UploadRequest(
            string.IsNullOrWhiteSpace(form["kind"]) ? UploadRequest.Image : form["kind"].ToString().Trim(),
            form["title"].ToString() is { Length: > 0 } title ? title : null,
            ParseInt(form, "width"),
            ParseInt(form, "height"),
            ParseInt(form, "frames"),
            ParseDouble(form, "fps"));
        var files = form.Files.GetFiles("file").Select(f => new UploadFile(f.FileName, f.Length, f.OpenReadStream)).ToArray();
        var items = await uploader.UploadAsync(dataset, request, files, cancellationToken);
        return TypedResults.Created("/api/datasets/" + datasetHash + "/data", items.Select(DataItemResponse.From).ToArray());
    }

    private static async Task<NoContent> AttachAsync(string projectHash, AttachDatasetRequest request, Caller caller, ProjectAccess access, IProjectStore projects, TimeProvider time, CancellationToken cancellationToken)
    {
        await access.RequireAsync(caller, projectHash, ProjectRole.TeamManager, cancellationToken);
        if (string.IsNullOrWhiteSpace(request.DatasetHash))
        {
            throw ApiProblemException.Invalid("$.datasetHash", "required");
        }
        DatasetRecord dataset;
        try
        {
            dataset = await FindVisibleAsync(request.DatasetHash, caller, projects, cancellationToken);
        }
        catch (ApiProblemException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            throw ApiProblemException.Invalid("$.datasetHash", "no dataset visible to you has the hash \"" + request.DatasetHash + "\"");
        }
        // Attaching adds rows to this project from the dataset and lets its managers upload into it: it needs the same right.
        if (!await MayUploadAsync(dataset, caller, projects, cancellationToken))
        {
            throw ApiProblemException.Forbidden("Attaching a dataset needs the right to upload into it: its owner, a system admin, or an admin or team manager of a project it is attached to.");
        }
        await projects.AttachDatasetAsync(projectHash, request.DatasetHash, time.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DatasetResponse[]>> ListAttachedAsync(string projectHash, Caller caller, ProjectAccess access, IProjectStore projects, CancellationToken cancellationToken)
    {
        await access.RequireAsync(caller, projectHash, ProjectRole.Annotator, cancellationToken);
        var list = await projects.ListProjectDatasetsAsync(projectHash, cancellationToken);
        return TypedResults.Ok(list.Select(DatasetResponse.From).ToArray());
    }

    /// <summary>The dataset, when the caller owns it, is a system admin, or is a member of a project it is attached to.</summary>
    private static async Task<DatasetRecord> FindVisibleAsync(string datasetHash, Caller caller, IProjectStore projects, CancellationToken cancellationToken)
    {
        var dataset = await projects.FindDatasetAsync(datasetHash, cancellationToken) ?? throw ApiProblemException.NotFound("Dataset " + datasetHash);
        if (caller.IsSystemAdmin || dataset.OwnerUserId == caller.UserId)
        {
            return dataset;
        }
        var visible = await projects.ListDatasetsAsync(caller.UserId, false, cancellationToken);
        return visible.Any(d => d.DatasetHash == datasetHash) ? dataset : throw ApiProblemException.NotFound("Dataset " + datasetHash);
    }

    private static async Task<bool> MayUploadAsync(DatasetRecord dataset, Caller caller, IProjectStore projects, CancellationToken cancellationToken)
    {
        if (caller.IsSystemAdmin || dataset.OwnerUserId == caller.UserId)
        {
            return true;
        }
        foreach (var (project, role) in await projects.ListProjectsAsync(caller.UserId, false, cancellationToken))
        {
            if (role >= ProjectRole.TeamManager && (await projects.ListProjectDatasetsAsync(project.ProjectHash, cancellationToken)).Any(d => d.DatasetHash == dataset.DatasetHash))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A body the multipart reader refused (no boundary, broken section, a limit hit): 400, or 413 for a length limit.</summary>
    private static ApiProblemException MultipartProblem(Exception exception) =>
        exception.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase)
            ? new ApiProblemException(StatusCodes.Status413PayloadTooLarge, "Payload too large", "multipart body: " + exception.Message)
            : ApiProblemException.BadRequest("multipart body: " + exception.Message);

    private static int? ParseInt(IFormCollection form, string name)
    {
        var text = form[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw ApiProblemException.Invalid(name, "not a whole number: \"" + text + "\"");
    }

    private static double? ParseDouble(IFormCollection form, string name)
    {
        var text = form[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : throw ApiProblemException.Invalid(name, "not a number: \"" + text + "\"");
    }
}
