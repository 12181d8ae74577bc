using System.Text.Json;

namespace Labelport.Server.Projects;

/// <summary><c>ontology</c> is an Encord ontology structure (objects, classifications, skeleton templates).</summary>
public sealed record CreateProjectRequest(string Title, JsonElement Ontology, string? Description = null);
