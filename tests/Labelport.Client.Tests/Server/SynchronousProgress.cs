namespace Labelport.Client.Tests.Server;

/// <summary>Records reports on the reporting thread, in order (<see cref="Progress{T}"/> posts them later).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
