using System.Collections.Concurrent;
using Labelport.Core.Ontology;
using Labelport.Storage.Records;

namespace Labelport.Server.Projects;

/// <summary>Parsed ontologies by project (a project's ontology never changes after creation).</summary>
public sealed class OntologyCache
{
    private readonly ConcurrentDictionary<string, OntologyStructure> _byProject = new(StringComparer.Ordinal);

    public OntologyStructure Get(ProjectRecord project) =>
        _byProject.GetOrAdd(project.ProjectHash, static (_, json) => OntologyReader.Parse(json), project.OntologyJson);
}
