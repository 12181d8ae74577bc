namespace Labelport.Server.Hosting;

/// <summary>A setting is missing, malformed, or names a back end that cannot be reached: <c>labelport serve</c> prints the message and exits.</summary>
public sealed class ServerConfigurationException : Exception
{
    public ServerConfigurationException()
    {
    }

    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
