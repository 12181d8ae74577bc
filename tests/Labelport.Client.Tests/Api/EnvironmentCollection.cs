using Labelport.Cli.Commands;

namespace Labelport.Client.Tests;

/// <summary>
/// Tests that read or set <c>LABELPORT_SERVER</c> / <c>LABELPORT_API_KEY</c> (process-wide) run in this collection,
/// one at a time; the variables are restored afterwards.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "LABELPORT_ environment variables";

    public static IDisposable Without() => new Scope(null, null);

    public static IDisposable With(string server, string apiKey) => new Scope(server, apiKey);

    private sealed class Scope : IDisposable
    {
        private readonly string? _server = Environment.GetEnvironmentVariable(ServerOptions.ServerVariable);
        private readonly string? _apiKey = Environment.GetEnvironmentVariable(ServerOptions.ApiKeyVariable);

        public Scope(string? server, string? apiKey)
        {
            Environment.SetEnvironmentVariable(ServerOptions.ServerVariable, server);
            Environment.SetEnvironmentVariable(ServerOptions.ApiKeyVariable, apiKey);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(ServerOptions.ServerVariable, _server);
            Environment.SetEnvironmentVariable(ServerOptions.ApiKeyVariable, _apiKey);
        }
    }
}
