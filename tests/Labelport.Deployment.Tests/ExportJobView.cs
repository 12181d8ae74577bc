namespace Labelport.Deployment.Tests;

/// <summary>The parts of the REST <c>ExportJob</c> (docs/rest-api.md) these tests look at.</summary>
internal sealed record ExportJobView(string ExportHash, string Status, long Done, long Total, string FileName, long? Size, string? Sha256, string? Error, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public bool IsFinished => Status is "succeeded" or "failed" or "cancelled";
}
