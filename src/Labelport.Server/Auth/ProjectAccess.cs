using Labelport.Server.Hosting;
using Labelport.Storage;

namespace Labelport.Server.Auth;

/// <summary>
/// The one place that decides what a caller may do in a project (docs/rest-api.md "Roles"): unknown projects and
/// non-members get 404 (never 403, so project hashes do not leak), members below the needed role 403. A system
/// admin is admin everywhere.
/// </summary>
public sealed class ProjectAccess(IProjectStore projects)
{
    public async Task<ProjectGrant> RequireAsync(Caller caller, string projectHash, ProjectRole minimum, CancellationToken cancellationToken)
    {
        var project = await projects.FindProjectAsync(projectHash, cancellationToken) ?? throw ApiProblemException.NotFound("Project " + projectHash);
        var role = caller.IsSystemAdmin ? ProjectRole.Admin : await projects.FindRoleAsync(projectHash, caller.UserId, cancellationToken);
        if (role is not { } granted)
        {
            throw ApiProblemException.NotFound("Project " + projectHash);
        }
        if (granted < minimum)
        {
            throw ApiProblemException.Forbidden("This needs the role " + Projects.ProjectRoleNames.ToWire(minimum) + " or higher in the project; you are " + Projects.ProjectRoleNames.ToWire(granted) + ".");
        }
        return new ProjectGrant(project, granted);
    }
}
