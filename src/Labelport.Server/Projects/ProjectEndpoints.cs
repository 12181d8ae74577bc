using Labelport.Core.Json;
using Labelport.Core.Ontology;
using Labelport.Server.Auth;
using Labelport.Server.Hosting;
using Labelport.Storage.Records;
using Labelport.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelport.Server.Projects;

/// <summary>Projects with their ontology, and their members.</summary>
internal static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").WithTags("Projects").RequireAuthorization();
        projects.MapPost("", CreateAsync);
        projects.MapGet("", ListAsync);
        projects.MapGet("/{projectHash}", GetAsync);
        projects.MapGet("/{projectHash}/members", ListMembersAsync);
        projects.MapPost("/{projectHash}/members", SetMemberAsync);
        projects.MapDelete("/{projectHash}/members/{userId}", RemoveMemberAsync);
    }

    private static async Task<Created<ProjectResponse>> CreateAsync(CreateProjectRequest request, Caller caller, IProjectStore projects, TimeProvider time, CancellationToken cancellationToken)
    {
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 500)
        {
            throw ApiProblemException.Invalid("$.title", "a project needs a title of 1 to 500 characters");
        }
        if (request.Ontology.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw ApiProblemException.Invalid("$.ontology", "expected an ontology structure object, found " + request.Ontology.ValueKind.ToString().ToLowerInvariant());
        }
        try
        {
            OntologyReader.Read(request.Ontology);
        }
        catch (LabelFormatException error)
        {
            throw ApiProblemException.Invalid("$.ontology" + error.Path.TrimStart('$'), error.Problem);
        }
        var project = new ProjectRecord(Guid.NewGuid().ToString(), title, request.Description, request.Ontology.GetRawText(), time.GetUtcNow());
        await projects.CreateProjectAsync(project, caller.UserId, cancellationToken);
        return TypedResults.Created("/api/projects/" + project.ProjectHash, ProjectResponse.From(project, ProjectRole.Admin, withOntology: false));
    }

    private static async Task<Ok<ProjectResponse[]>> ListAsync(Caller caller, IProjectStore projects, CancellationToken cancellationToken)
    {
        var list = await projects.ListProjectsAsync(caller.UserId, caller.IsSystemAdmin, cancellationToken);
        return TypedResults.Ok(list.Select(p => ProjectResponse.From(p.Project, p.Role, withOntology: false)).ToArray());
    }

    private static async Task<Ok<ProjectResponse>> GetAsync(string projectHash, Caller caller, ProjectAccess access, CancellationToken cancellationToken)
    {
        var grant = await access.RequireAsync(caller, projectHash, ProjectRole.Annotator, cancellationToken);
        return TypedResults.Ok(ProjectResponse.From(grant.Project, grant.Role, withOntology: true));
    }

    private static async Task<Ok<MemberResponse[]>> ListMembersAsync(string projectHash, Caller caller, ProjectAccess access, IProjectStore projects, CancellationToken cancellationToken)
    {
        await access.RequireAsync(caller, projectHash, ProjectRole.Annotator, cancellationToken);
        var members = await projects.ListMembersAsync(projectHash, cancellationToken);
        return TypedResults.Ok(members.Select(MemberResponse.From).ToArray());
    }

    private static async Task<Ok<MemberResponse>> SetMemberAsync(string projectHash, SetMemberRequest request, Caller caller, ProjectAccess access, IProjectStore projects, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var grant = await access.RequireAsync(caller, projectHash, ProjectRole.TeamManager, cancellationToken);
        if (!ProjectRoleNames.TryParse(request.Role, out var role))
        {
            throw ApiProblemException.Invalid("$.role", "unknown role \"" + request.Role + "\" (expected one of " + string.Join(", ", ProjectRoleNames.All) + ")");
        }
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await accounts.FindUserByEmailAsync(request.Email.Trim(), cancellationToken);
        if (user is null)
        {
            throw ApiProblemException.Invalid("$.email", "no user has the e-mail \"" + request.Email + "\"");
        }
        var current = await projects.FindRoleAsync(projectHash, user.UserId, cancellationToken);
        if (grant.Role < ProjectRole.Admin && (role == ProjectRole.Admin || current == ProjectRole.Admin))
        {
            throw ApiProblemException.Forbidden("A team manager cannot make or change a project admin.");
        }
        await projects.SetMemberAsync(projectHash, user.UserId, role, cancellationToken);
        return TypedResults.Ok(new MemberResponse(user.UserId, user.Email, user.Name, ProjectRoleNames.ToWire(role)));
    }

    private static async Task<NoContent> RemoveMemberAsync(string projectHash, string userId, Caller caller, ProjectAccess access, IProjectStore projects, CancellationToken cancellationToken)
    {
        var grant = await access.RequireAsync(caller, projectHash, ProjectRole.TeamManager, cancellationToken);
        var current = await projects.FindRoleAsync(projectHash, userId, cancellationToken) ?? throw ApiProblemException.NotFound("Member " + userId);
        if (grant.Role < ProjectRole.Admin && current == ProjectRole.Admin)
        {
            throw ApiProblemException.Forbidden("A team manager cannot remove a project admin.");
        }
        await projects.RemoveMemberAsync(projectHash, userId, cancellationToken);
        return TypedResults.NoContent();
    }
}
