namespace Labelport.Server.Tests.Api;

/// <summary>A server whose sign-in limit is small enough to reach in a test.</summary>
public sealed class RateLimitedServerFixture : ServerFixture
{
    public const int Permits = 3;

    protected override LabelportServerOptions Configure(LabelportServerOptions options) => options with { SignInPermitsPerMinute = Permits };
}
