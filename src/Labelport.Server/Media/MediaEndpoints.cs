using Labelport.Server.Auth;
using Labelport.Server.Hosting;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelport.Server.Media;

/// <summary>
/// Media bytes: <c>/api/data/{dataHash}/media</c> for members of a project holding the data, and
/// <c>/media/{dataHash}?expires&amp;signature</c> for anyone holding a valid signed link. Both support Range.
/// </summary>
internal static class MediaEndpoints
{
    public static void MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/data/{dataHash}/media", ForMemberAsync).WithTags("Media").RequireAuthorization();
        app.MapGet("/media/{dataHash}", SignedAsync).WithTags("Media").AllowAnonymous();
    }

    private static async Task<FileStreamHttpResult> ForMemberAsync(string dataHash, Caller caller, IProjectStore projects, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var unit = await projects.FindDataUnitAsync(dataHash, cancellationToken) ?? throw ApiProblemException.NotFound("Data " + dataHash);
        if (!caller.IsSystemAdmin && !await IsMemberOfHoldingProjectAsync(dataHash, caller, projects, cancellationToken))
        {
            throw ApiProblemException.NotFound("Data " + dataHash);
        }
        return await StreamAsync(unit, blobs, cancellationToken);
    }

    private static async Task<FileStreamHttpResult> SignedAsync(string dataHash, string? expires, string? signature, MediaUrlSigner signer, TimeProvider time, IProjectStore projects, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (!signer.TryVerify(dataHash, expires, signature, time.GetUtcNow()))
        {
            throw ApiProblemException.Forbidden("The link is expired, altered or not signed by this server.");
        }
        var unit = await projects.FindDataUnitAsync(dataHash, cancellationToken) ?? throw ApiProblemException.NotFound("Data " + dataHash);
        return await StreamAsync(unit, blobs, cancellationToken);
    }

    private static async Task<bool> IsMemberOfHoldingProjectAsync(string dataHash, Caller caller, IProjectStore projects, CancellationToken cancellationToken)
    {
        foreach (var projectHash in await projects.ListProjectsHoldingDataUnitAsync(dataHash, cancellationToken))
        {
            if (await projects.FindRoleAsync(projectHash, caller.UserId, cancellationToken) is not null)
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<FileStreamHttpResult> StreamAsync(DataUnitRecord unit, IBlobStore blobs, CancellationToken cancellationToken)
    {
        if (unit.BlobKey is null)
        {
            throw ApiProblemException.NotFound("Media of " + unit.DataHash + " (external data: its link is " + (unit.ExternalLink ?? "unknown") + ")");
        }
        var stream = await blobs.OpenReadAsync(unit.BlobKey, cancellationToken) ?? throw ApiProblemException.NotFound("Media of " + unit.DataHash);
        return TypedResults.Stream(stream, unit.MimeType, enableRangeProcessing: true);
    }
}
