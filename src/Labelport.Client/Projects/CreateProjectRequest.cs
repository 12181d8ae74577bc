using System.Text.Json;
using System.Text.Json.Serialization;

namespace Labelport.Client;

/// <summary>A new project: its title, optional description, and its ontology (an Encord ontology structure).</summary>
/// <param name="Title">The project's title.</param>
/// <param name="Ontology">The Encord ontology structure JSON object (<c>objects</c>, <c>classifications</c>, …).</param>
public sealed record CreateProjectRequest(string Title, JsonElement Ontology)
{
    /// <summary>An optional description (sent as <c>null</c> when absent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Description { get; init; }
}
