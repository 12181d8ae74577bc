namespace Labelport.Storage.Records;

/// <summary>A project with its ontology (Encord ontology structure JSON, as given).</summary>
public sealed record ProjectRecord(string ProjectHash, string Title, string? Description, string OntologyJson, DateTimeOffset CreatedAt);
