namespace Labelport.Storage;

/// <summary>A member's role in one project (docs/rest-api.md "Roles"). Ordered by privilege.</summary>
public enum ProjectRole
{
    Annotator = 1,
    Reviewer = 2,
    TeamManager = 3,
    Admin = 4,
}
