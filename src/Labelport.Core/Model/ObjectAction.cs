using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>An object's dynamic attribute answers (<c>object_actions[objectHash]</c>, spec §7.3).</summary>
public sealed class ObjectAction
{
    public required string ObjectHash { get; set; }

    public List<AttributeAnswer> Actions { get; } = [];

    public JsonExtras Extras { get; } = new();
}
