using System.Text.Json;
using Labelport.Core.Masks;
using Labelport.Tests.Shared;

namespace Labelport.Client.Tests.Server;

/// <summary>Projects and media for the tests: Encord's platform export (six rows, every 2-D shape) and generated PNGs.</summary>
internal static class Seed
{
    public const string BoxFeature = "ImO9dtQh";
    public const string BitmaskFeature = "hN0/lF+8";
    public const string PolygonFeature = "gr3562OV";

    public static string LabelsPath => TestData.Encord("platform_export.labels.json");

    public static JsonElement Ontology()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(TestData.Encord("platform_export.ontology.json")));
        return document.RootElement.Clone();
    }

    public static Task<Project> CreateProjectAsync(LabelportClient client, string title)
        => client.Projects.CreateAsync(new CreateProjectRequest(title, Ontology()) { Description = "SDK test" });

    /// <summary>A project holding the six label rows of Encord's platform export.</summary>
    public static async Task<Project> ProjectWithLabelsAsync(LabelportClient client, string title)
    {
        var project = await CreateProjectAsync(client, title);
        await using var labels = File.OpenRead(LabelsPath);
        var imported = await client.LabelRows.ImportAsync(project.ProjectHash, labels);
        Assert.Equal(6, imported.Imported);
        return project;
    }

    /// <summary>A real PNG (greyscale, a filled square) of the given size.</summary>
    public static byte[] Png(int width, int height)
    {
        var mask = new byte[width * height];
        for (var y = height / 4; y < height * 3 / 4; y++)
        {
            mask.AsSpan((y * width) + (width / 4), width / 2).Fill(1);
        }
        using var png = new MemoryStream();
        PngWriter.WriteMask(png, mask, height, width);
        return png.ToArray();
    }
}
