using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>An object's static attribute answers (<c>object_answers[objectHash]</c>, spec §7.1).</summary>
public sealed class ObjectAnswer
{
    public required string ObjectHash { get; set; }

    /// <summary>Encord's (mis)named <c>classifications</c> list: the answered attributes.</summary>
    public List<AttributeAnswer> Classifications { get; } = [];

    public JsonExtras Extras { get; } = new();
}
