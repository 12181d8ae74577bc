namespace Labelport.Client;

/// <summary><c>{labelStatus}</c> (PATCH a label row).</summary>
internal sealed record LabelStatusBody(string LabelStatus);
