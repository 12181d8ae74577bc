namespace Labelport.Client.Tests.Server;

/// <summary>A server without an export worker: its export jobs stay queued, so waiting, timeouts and cancelling are deterministic.</summary>
public sealed class IdleServerFixture : LabelportServerFixture
{
    protected override int ExportWorkers => 0;
}
