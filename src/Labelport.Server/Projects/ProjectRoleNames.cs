using Labelport.Storage;

namespace Labelport.Server.Projects;

/// <summary>Wire names of <see cref="ProjectRole"/>: <c>admin</c>, <c>team_manager</c>, <c>reviewer</c>, <c>annotator</c>.</summary>
public static class ProjectRoleNames
{
    public static IReadOnlyList<string> All { get; } = ["admin", "team_manager", "reviewer", "annotator"];

    public static string ToWire(ProjectRole role) => role switch
    {
        ProjectRole.Admin => "admin",
        ProjectRole.TeamManager => "team_manager",
        ProjectRole.Reviewer => "reviewer",
        ProjectRole.Annotator => "annotator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown project role."),
    };

    public static bool TryParse(string? text, out ProjectRole role)
    {
        switch (text)
        {
            case "admin":
                role = ProjectRole.Admin;
                return true;
            case "team_manager":
                role = ProjectRole.TeamManager;
                return true;
            case "reviewer":
                role = ProjectRole.Reviewer;
                return true;
            case "annotator":
                role = ProjectRole.Annotator;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
