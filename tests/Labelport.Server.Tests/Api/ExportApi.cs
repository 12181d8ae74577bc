using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Labelport.Server.Tests.Api;

/// <summary>Starting and following exports over HTTP, as the SDK and web app do.</summary>
internal static class ExportApi
{
    public static async Task<(HttpStatusCode Status, JsonElement Job)> StartAsync(HttpClient client, string projectHash, object request)
    {
        var response = await client.PostAsJsonAsync("/api/projects/" + projectHash + "/exports", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body);
    }

    /// <summary>Polls until the job is no longer queued or running; returns the last state.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string exportHash, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>("/api/exports/" + exportHash);
            var status = job.GetProperty("status").GetString();
            if (status is not ("queued" or "running"))
            {
                return job;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("export " + exportHash + " still " + status);
            }
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> RunAsync(HttpClient client, string projectHash, object request)
    {
        var (status, job) = await StartAsync(client, projectHash, request);
        Assert.True(status is HttpStatusCode.Accepted or HttpStatusCode.OK, "start: " + status + " " + job);
        var done = await WaitAsync(client, job.GetProperty("exportHash").GetString()!);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        return done;
    }
}
