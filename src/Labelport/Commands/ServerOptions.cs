using System.CommandLine;
using Labelport.Client;

namespace Labelport.Cli.Commands;

/// <summary>
/// <c>--server URL --api-key KEY</c>, shared by the commands that talk to a Labelport server. Defaults come from the
/// environment variables <c>LABELPORT_SERVER</c> and <c>LABELPORT_API_KEY</c>; an option on the command line wins.
/// </summary>
internal sealed class ServerOptions
{
    public const string ServerVariable = "LABELPORT_SERVER";
    public const string ApiKeyVariable = "LABELPORT_API_KEY";

    public Option<string?> Server { get; } = new("--server") { Description = "The server's address, e.g. https://labels.example.com (default: $" + ServerVariable + ")." };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "An API key (default: $" + ApiKeyVariable + ")." };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(ApiKey);
    }

    /// <summary>Builds the client, or names what is missing or wrong (a usage error).</summary>
    public bool TryCreateClient(ParseResult result, out LabelportClient client, out string error)
    {
        client = null!;
        var server = result.GetValue(Server) ?? Environment.GetEnvironmentVariable(ServerVariable);
        var apiKey = result.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            error = "--server is required (or set " + ServerVariable + ")";
            return false;
        }
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            error = "--api-key is required (or set " + ApiKeyVariable + ")";
            return false;
        }
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = "--server: '" + server + "' is not an http:// or https:// address";
            return false;
        }
        client = new LabelportClient(uri, apiKey);
        error = string.Empty;
        return true;
    }
}
