using Labelport.Storage;

namespace Labelport.Server.Demo;

/// <summary>One demo user per project role; all share the demo password (LABELPORT_DEMO_PASSWORD).</summary>
internal static class DemoUsers
{
    public const string DefaultPassword = "labelport-demo";

    public static IReadOnlyList<(string Email, string Name, ProjectRole Role)> All { get; } =
    [
        ("demo-admin@labelport.local", "Demo Admin", ProjectRole.Admin),
        ("demo-manager@labelport.local", "Demo Team Manager", ProjectRole.TeamManager),
        ("demo-reviewer@labelport.local", "Demo Reviewer", ProjectRole.Reviewer),
        ("demo-annotator@labelport.local", "Demo Annotator", ProjectRole.Annotator),
    ];
}
