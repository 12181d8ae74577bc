using System.Net.Sockets;
using Labelport.Client;

namespace Labelport.Cli.Commands;

/// <summary>Turns what can go wrong talking to a server into lines for the user (never a stack trace).</summary>
internal static class ServerErrors
{
    public static bool IsExpected(Exception e) => e is LabelportApiException or HttpRequestException or SocketException or TimeoutException or IOException or InvalidDataException or UnauthorizedAccessException;

    public static int Report(CliConsole console, Exception e, string server)
    {
        switch (e)
        {
            case LabelportApiException api:
                console.WriteErrorLine("error: " + (int)api.StatusCode + " " + (api.Title ?? api.StatusCode.ToString()) + (string.IsNullOrEmpty(api.Detail) ? string.Empty : ": " + api.Detail));
                foreach (var problem in api.Errors)
                {
                    console.WriteErrorLine(problem.ToString());
                }
                break;
            case HttpRequestException or SocketException:
                console.WriteErrorLine("error: cannot reach " + server + ": " + e.Message);
                break;
            default:
                console.WriteErrorLine("error: " + e.Message);
                break;
        }
        return LabelportCli.Failed;
    }
}
