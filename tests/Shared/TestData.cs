namespace Labelport.Tests.Shared;

/// <summary>Finds the repository's <c>tests/data</c> folder from a test assembly.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepositoryRoot => Path.GetDirectoryName(Root.Value)!;

    public static string DataFolder => Path.Combine(Root.Value, "data");

    public static string PathOf(params string[] parts) => Path.Combine([DataFolder, .. parts]);

    public static string Encord(string fileName) => PathOf("encord", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Labelport.slnx")))
            {
                return Path.Combine(dir.FullName, "tests");
            }
        }
        throw new InvalidOperationException("Labelport.slnx not found above " + AppContext.BaseDirectory);
    }
}
