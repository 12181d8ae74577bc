using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Labelport.Deployment.Tests;

/// <summary>The REST calls of docs/rest-api.md these tests make, as a client would make them.</summary>
internal static class LabelportApi
{
    public static async Task<string> CreateProjectAsync(this HttpClient client, string title, string ontologyJson)
    {
        var body = new JsonObject { ["title"] = title, ["description"] = "made by the deployment tests", ["ontology"] = JsonNode.Parse(ontologyJson) };
        using var response = await client.PostAsJsonAsync(new Uri("api/projects", UriKind.Relative), body);
        var project = await ReadAsync(response, HttpStatusCode.Created);
        return project.GetProperty("projectHash").GetString()!;
    }

    public static async Task<int> ImportRowsAsync(this HttpClient client, string projectHash, byte[] encordJson)
    {
        using var content = new ByteArrayContent(encordJson);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri($"api/projects/{projectHash}/label-rows", UriKind.Relative), content);
        return (await ReadAsync(response, HttpStatusCode.OK)).GetProperty("imported").GetInt32();
    }

    public static async Task<string> RequestExportAsync(this HttpClient client, string projectHash, JsonObject request)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"api/projects/{projectHash}/exports", UriKind.Relative), request);
        return (await ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("exportHash").GetString()!;
    }

    public static async Task<ExportJobView> GetExportAsync(this HttpClient client, string exportHash)
    {
        using var response = await client.GetAsync(new Uri($"api/exports/{exportHash}", UriKind.Relative));
        var job = await ReadAsync(response, HttpStatusCode.OK);
        var progress = job.GetProperty("progress");
        return new ExportJobView(
            exportHash,
            job.GetProperty("status").GetString()!,
            progress.GetProperty("done").GetInt64(),
            progress.GetProperty("total").GetInt64(),
            job.GetProperty("fileName").GetString()!,
            job.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : null,
            job.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String ? sha.GetString() : null,
            job.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null,
            Time(job, "startedAt"),
            Time(job, "finishedAt"));
    }

    /// <summary>The export's file (following a redirect to a presigned S3 URL when the server hands one out).</summary>
    public static async Task<(byte[] Bytes, Uri ServedFrom)> DownloadAsync(this HttpClient client, string exportHash)
    {
        using var response = await client.GetAsync(new Uri($"api/exports/{exportHash}/file", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET file of {exportHash}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadAsByteArrayAsync(), response.RequestMessage!.RequestUri!);
    }

    public static async Task<string> GetRowJsonAsync(this HttpClient client, string projectHash, string labelHash)
    {
        using var response = await client.GetAsync(new Uri($"api/projects/{projectHash}/label-rows/{labelHash}", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET row {labelHash}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task PutRowAsync(this HttpClient client, string projectHash, string labelHash, string rowJson)
    {
        using var content = new StringContent(rowJson, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri($"api/projects/{projectHash}/label-rows/{labelHash}", UriKind.Relative), content);
        await ReadAsync(response, HttpStatusCode.OK);
    }

    private static DateTimeOffset? Time(JsonElement job, string name) =>
        job.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : null;

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        }
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
