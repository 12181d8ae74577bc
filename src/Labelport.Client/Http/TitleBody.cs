using System.Text.Json.Serialization;

namespace Labelport.Client;

/// <summary><c>{title, description}</c> (create a dataset). The description is sent even when null.</summary>
internal sealed record TitleBody(string Title, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Description);
