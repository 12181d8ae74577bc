using System.Text.Json.Nodes;

namespace Labelport.Core.Tests.Validation;

/// <summary>A bad input: the sample row broken by <see cref="Break"/>, and the one problem it must produce.</summary>
public sealed record BadInputCase(string Name, Action<JsonObject> Break, string Path, string Message)
{
    public override string ToString() => Name;
}
