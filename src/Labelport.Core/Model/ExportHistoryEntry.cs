using Labelport.Core.Json;

namespace Labelport.Core.Model;

/// <summary>One export of a label row: <c>{export_hash, exported_at, user_email}</c>, newest first in a row's history.</summary>
public sealed class ExportHistoryEntry
{
    public string? ExportHash { get; set; }

    public string? ExportedAt { get; set; }

    public string? UserEmail { get; set; }

    public JsonExtras Extras { get; } = new();
}
