namespace Labelport.Core.Encord;

/// <summary>
/// What an export writes into every row it contains: top-level <c>export_hash</c>/<c>exported_at</c> and a new
/// first entry of <c>export_history</c> (newest first).
/// </summary>
public sealed record ExportStamp(string ExportHash, string ExportedAt, string? UserEmail);
