namespace Labelport.Server.Tests.Api;

/// <summary>A server started with <c>--demo</c> (the demo project seeded on first start).</summary>
public sealed class DemoServerFixture : ServerFixture
{
    protected override LabelportServerOptions Configure(LabelportServerOptions options) => options with { Demo = true, ExportWorkerConcurrency = 4 };
}
