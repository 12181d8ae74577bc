namespace Labelport.Server.Tests;

/// <summary>Tests that share one running server (each makes its own projects and users).</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
