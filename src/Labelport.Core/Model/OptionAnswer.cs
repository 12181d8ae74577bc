using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>A chosen radio or checklist option: <c>{name: option label, value, featureHash}</c>.</summary>
public sealed class OptionAnswer
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public required string FeatureHash { get; set; }

    public JsonExtras Extras { get; } = new();
}
