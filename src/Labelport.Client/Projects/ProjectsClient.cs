using Labelport.Core.Ontology;
using static Labelport.Client.ApiConnection;

namespace Labelport.Client;

/// <summary>Projects, their ontologies and their datasets (<c>/api/projects</c>). Get it from <see cref="LabelportClient.Projects"/>.</summary>
public sealed class ProjectsClient
{
    private readonly ApiConnection _api;

    internal ProjectsClient(ApiConnection api) => _api = api;

    /// <summary>The projects the caller belongs to (without their ontologies).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<IReadOnlyList<Project>> ListAsync(CancellationToken cancellationToken = default)
        => _api.GetAsync("api/projects", ClientJson.Default.IReadOnlyListProject, cancellationToken);

    /// <summary>One project, with its ontology.</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="LabelportApiException">404 when the project does not exist or the caller is not a member.</exception>
    public Task<Project> GetAsync(string projectHash, CancellationToken cancellationToken = default)
        => _api.GetAsync("api/projects/" + Segment(projectHash), ClientJson.Default.Project, cancellationToken);

    /// <summary>Creates a project; the caller becomes its <c>admin</c>.</summary>
    /// <param name="request">Title, description and ontology.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="LabelportApiException">400 naming the problem when the ontology is not valid.</exception>
    public Task<Project> CreateAsync(CreateProjectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _api.SendJsonAsync(HttpMethod.Post, "api/projects", request, ClientJson.Default.CreateProjectRequest, ClientJson.Default.Project, cancellationToken);
    }

    /// <summary>The project's ontology, parsed (objects, classifications, attributes and options by feature hash).</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<OntologyStructure> GetOntologyAsync(string projectHash, CancellationToken cancellationToken = default)
    {
        var project = await GetAsync(projectHash, cancellationToken).ConfigureAwait(false);
        return project.Ontology is { } ontology
            ? OntologyReader.Read(ontology)
            : throw new InvalidDataException($"The server sent project {projectHash} without its ontology.");
    }

    /// <summary>Attaches a dataset to a project; every data item without a label row in the project gets an empty one (<c>NOT_LABELLED</c>).</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="datasetHash">The dataset's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task AttachDatasetAsync(string projectHash, string datasetHash, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _api.UriOf("api/projects/" + Segment(projectHash) + "/datasets"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new DatasetHashBody(datasetHash), ClientJson.Default.DatasetHashBody),
        };
        await _api.SendNoContentAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The datasets attached to a project.</summary>
    /// <param name="projectHash">The project's hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<IReadOnlyList<Dataset>> ListDatasetsAsync(string projectHash, CancellationToken cancellationToken = default)
        => _api.GetAsync("api/projects/" + Segment(projectHash) + "/datasets", ClientJson.Default.IReadOnlyListDataset, cancellationToken);
}
