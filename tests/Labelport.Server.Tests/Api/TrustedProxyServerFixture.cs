namespace Labelport.Server.Tests.Api;

/// <summary>A server behind a "proxy" at 127.0.0.1 (the test client), with a sign-in limit small enough to reach.</summary>
public sealed class TrustedProxyServerFixture : ServerFixture
{
    public const int Permits = 2;

    protected override LabelportServerOptions Configure(LabelportServerOptions options)
        => options with { SignInPermitsPerMinute = Permits, TrustedProxies = ["10.9.0.0/16", "127.0.0.1"] };
}
