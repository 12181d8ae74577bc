using System.CommandLine;
using System.Globalization;
using Labelport.Client;

namespace Labelport.Cli.Commands;

/// <summary>
/// <c>labelport export --server URL --api-key KEY --project HASH --format coco|json [filters] [--signed-urls [--ttl T]] [-o PATH]</c>:
/// starts an export on the server, shows its progress, and downloads the file. Exit 0 done, 1 failed, 2 usage.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new ServerOptions();
        var project = new Option<string>("--project") { Description = "The project's hash.", Required = true };
        var format = new Option<string>("--format") { Description = "File format: json (Encord JSON) or coco.", Required = true };
        format.AcceptOnlyFromAmong("json", "coco");
        var filters = new FilterOptions();
        var signedUrls = new Option<bool>("--signed-urls") { Description = "Write signed, time-limited media URLs as data links." };
        var ttl = new Option<string?>("--ttl") { Description = "Lifetime of the signed URLs: seconds, or a number with s, m, h or d (60s … 30d; default 7d)." };
        var output = new Option<string?>("--output", "-o") { Description = "A file, or a folder for the server's file name (default: the current folder); - for standard output." };
        var timeout = new Option<string?>("--timeout") { Description = "Give up waiting for the export after this long (seconds, or with s, m, h or d)." };
        var command = new Command("export", "Export a project's labels from a Labelport server as Encord JSON or COCO.");
        server.AddTo(command);
        command.Options.Add(project);
        command.Options.Add(format);
        filters.AddTo(command);
        command.Options.Add(signedUrls);
        command.Options.Add(ttl);
        command.Options.Add(output);
        command.Options.Add(timeout);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!server.TryCreateClient(result, out var client, out var error))
            {
                return Usage(console, error);
            }
            using (client)
            {
                var signed = result.GetValue(signedUrls);
                var ttlText = result.GetValue(ttl);
                if (ttlText is not null && !signed)
                {
                    return Usage(console, "--ttl needs --signed-urls");
                }
                TimeSpan? ttlValue = null;
                if (ttlText is not null)
                {
                    if (!TryParseDuration(ttlText, out var parsed))
                    {
                        return Usage(console, "--ttl: '" + ttlText + "' is not a duration (e.g. 3600, 90m, 12h, 7d)");
                    }
                    ttlValue = parsed;
                }
                TimeSpan? timeoutValue = null;
                if (result.GetValue(timeout) is { } timeoutText)
                {
                    if (!TryParseDuration(timeoutText, out var parsed))
                    {
                        return Usage(console, "--timeout: '" + timeoutText + "' is not a duration (e.g. 600, 10m, 1h)");
                    }
                    timeoutValue = parsed;
                }
                var filter = filters.Parse(result);
                var request = new ExportRequest
                {
                    Format = result.GetValue(format) == "coco" ? ExportFormat.Coco : ExportFormat.Json,
                    DataHashes = filter.DataHashes?.ToArray(),
                    LabelStatuses = filter.LabelStatuses?.ToArray(),
                    ObjectFeatureHashes = filter.ObjectFeatureHashes?.ToArray(),
                    ClassificationFeatureHashes = filter.ClassificationFeatureHashes?.ToArray(),
                    IncludeSignedUrls = signed,
                    SignedUrlTtlSeconds = ttlValue is { } t ? (int)Math.Min(int.MaxValue, t.TotalSeconds) : null,
                };
                var run = new ExportRun(console, client, result.GetValue(project)!, request, result.GetValue(output) ?? ".", timeoutValue);
                return await run.RunAsync(cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }
        var unit = char.IsAsciiLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        var number = char.IsAsciiLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }
        double? seconds = unit switch
        {
            's' => value,
            'm' => value * 60,
            'h' => value * 3600,
            'd' => value * 86400,
            _ => null,
        };
        if (seconds is not { } s || s > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }
        duration = TimeSpan.FromSeconds(s);
        return true;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.WriteErrorLine(message);
        return LabelportCli.Usage;
    }
}
