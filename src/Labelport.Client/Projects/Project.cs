using System.Text.Json;

namespace Labelport.Client;

/// <summary>A project: a set of datasets labelled against one ontology.</summary>
public sealed record Project
{
    /// <summary>The project's hash (a lower-case UUID).</summary>
    public required string ProjectHash { get; init; }

    /// <summary>The project's title.</summary>
    public required string Title { get; init; }

    /// <summary>The project's description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>When the project was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The caller's role in the project: <c>admin</c>, <c>team_manager</c>, <c>reviewer</c> or <c>annotator</c>.</summary>
    public string? Role { get; init; }

    /// <summary>
    /// The ontology structure (Encord JSON) — only on <see cref="ProjectsClient.GetAsync"/>, null in lists.
    /// <see cref="ProjectsClient.GetOntologyAsync"/> returns it parsed.
    /// </summary>
    public JsonElement? Ontology { get; init; }
}
