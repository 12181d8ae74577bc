using System.Text.Json;
using System.Text.Json.Serialization;
using Labelport.Storage;
using Labelport.Storage.Records;

namespace Labelport.Server.Projects;

public sealed record ProjectResponse(
    string ProjectHash,
    string Title,
    string? Description,
    DateTimeOffset CreatedAt,
    string Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Ontology)
{
    public static ProjectResponse From(ProjectRecord project, ProjectRole role, bool withOntology)
    {
        JsonElement? ontology = null;
        if (withOntology)
        {
            using var document = JsonDocument.Parse(project.OntologyJson);
            ontology = document.RootElement.Clone();
        }
        return new ProjectResponse(project.ProjectHash, project.Title, project.Description, project.CreatedAt, ProjectRoleNames.ToWire(role), ontology);
    }
}
