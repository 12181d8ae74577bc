using System.Net;
using System.Text.Json;

namespace Labelport.Client;

/// <summary>
/// Turns an error response into a <see cref="LabelportApiException"/>. Reads the documented <c>errors: [{path, message}]</c>
/// and, to be tolerant of framework-made problems, ASP.NET's <c>errors: {field: [messages]}</c>.
/// </summary>
internal static class ProblemReader
{
    private const int MaxBody = 1 << 20;

    public static async Task<LabelportApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = string.Empty;
        }
        if (body.Length > MaxBody)
        {
            body = body[..MaxBody];
        }
        return new LabelportApiException(status, Parse(body, status, response.ReasonPhrase));
    }

    internal static ApiProblem Parse(string body, HttpStatusCode status, string? reason)
    {
        var fallback = new ApiProblem { Status = (int)status, Title = reason ?? status.ToString(), Detail = string.IsNullOrWhiteSpace(body) ? null : Shorten(body) };
        if (string.IsNullOrWhiteSpace(body))
        {
            return fallback;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }
            return new ApiProblem
            {
                Type = StringOf(root, "type"),
                Title = StringOf(root, "title") ?? fallback.Title,
                Status = root.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : (int)status,
                Detail = StringOf(root, "detail"),
                Instance = StringOf(root, "instance"),
                Errors = ErrorsOf(root),
            };
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private static List<ApiProblemError> ErrorsOf(JsonElement root)
    {
        var errors = new List<ApiProblemError>();
        if (!root.TryGetProperty("errors", out var list))
        {
            return errors;
        }
        if (list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    errors.Add(new ApiProblemError(StringOf(item, "path") ?? "$", StringOf(item, "message") ?? string.Empty));
                }
            }
        }
        else if (list.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in list.EnumerateObject())
            {
                var messages = field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray().Select(m => m.ToString()) : [field.Value.ToString()];
                foreach (var message in messages)
                {
                    errors.Add(new ApiProblemError(field.Name, message));
                }
            }
        }
        return errors;
    }

    private static string? StringOf(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
