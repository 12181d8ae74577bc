namespace Labelport.Server.Exports;

/// <summary>An export that cannot be produced for a reason the job's requester should read (bad stored data, missing project).</summary>
public sealed class ExportFailedException : Exception
{
    public ExportFailedException()
        : base("the export failed")
    {
    }

    public ExportFailedException(string message)
        : base(message)
    {
    }

    public ExportFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
