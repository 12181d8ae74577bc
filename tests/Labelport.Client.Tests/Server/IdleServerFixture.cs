namespace Labelport.Client.Tests.Server;

/// <summary>A server whose export worker is stopped: its export jobs stay queued, so waiting, timeouts and cancelling are deterministic.</summary>
public sealed class IdleServerFixture : LabelportServerFixture
{
    protected override bool RunsExports => false;
}
