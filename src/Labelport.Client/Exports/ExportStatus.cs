using System.Text.Json.Serialization;

namespace Labelport.Client;

/// <summary>Where an export job is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportStatus>))]
public enum ExportStatus
{
    /// <summary>Waiting for a worker.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    /// <summary>Being written.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Done: the file can be downloaded.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    /// <summary>Failed; <see cref="ExportJob.Error"/> says why. Nothing was published.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Cancelled before it finished. Nothing was published.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
