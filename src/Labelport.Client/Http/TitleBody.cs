namespace Labelport.Client;

/// <summary><c>{title, description?}</c> (create a dataset).</summary>
internal sealed record TitleBody(string Title, string? Description);
