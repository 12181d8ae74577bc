using Labelport.Tests.Shared;
using PublicApiGenerator;

namespace Labelport.Client.Tests.Api;

/// <summary>
/// The SDK's public API is recorded in <c>PublicApi/Labelport.Client.approved.txt</c>: a change to it fails this test until
/// the listing is updated, so every change is deliberate and shows in review. To accept a change, copy the
/// <c>.received.txt</c> file the failing test writes over the approved one.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_recorded_one()
    {
        var actual = typeof(LabelportClient).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var folder = Path.Combine(TestData.RepositoryRoot, "tests", "Labelport.Client.Tests", "PublicApi");
        var approvedPath = Path.Combine(folder, "Labelport.Client.approved.txt");
        var receivedPath = Path.Combine(folder, "Labelport.Client.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != actual)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The public API of Labelport.Client changed. Review {receivedPath} and, if the change is intended, copy it over {approvedPath}.");
        }
        File.Delete(receivedPath);
    }

    [Fact]
    public void The_sdk_does_not_depend_on_the_server()
    {
        var references = typeof(LabelportClient).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("Labelport.Core", references);
        Assert.DoesNotContain(references, name => name is "Labelport.Server" or "Labelport.Storage" || name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
