using Labelport.Benchmarks.Generation;
using Labelport.Core.Encord;
using Labelport.Core.Model;
using Labelport.Core.Validation;

namespace Labelport.Core.Tests.Encord;

/// <summary>The benchmark workload generator: valid against its ontology, deterministic, and a lossless round trip.</summary>
public sealed class GeneratedExportTests
{
    private static readonly ExportGeneratorOptions Small = new() { Rows = 40, FramesPerVideo = 5, ObjectsPerFrame = 8, BitmaskShare = 0.1, Width = 320, Height = 180 };

    [Fact]
    public void Generated_rows_validate_without_problems_and_cover_every_shape()
    {
        var validator = new LabelRowValidator(GeneratedOntology.Structure);
        var shapes = new HashSet<ShapeKind>();
        var index = 0;
        using var stream = new MemoryStream(new ExportGenerator(Small).ToBytes());
        foreach (var row in LabelRowReader.ReadAll(stream))
        {
            Assert.Empty(validator.Validate(row, index++));
            foreach (var (_, _, instance) in row.EnumerateObjects())
            {
                shapes.Add(instance.Shape);
            }
        }
        Assert.Equal(40, index);
        Assert.Equal(
            [ShapeKind.BoundingBox, ShapeKind.RotatableBoundingBox, ShapeKind.Polygon, ShapeKind.Polyline, ShapeKind.Point, ShapeKind.Bitmask, ShapeKind.Skeleton],
            shapes.Order());
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        var first = new ExportGenerator(Small).ToBytes();
        Assert.Equal(first, new ExportGenerator(Small).ToBytes());
        Assert.NotEqual(first, new ExportGenerator(Small with { Seed = 7 }).ToBytes());
    }

    [Fact]
    public void Generated_export_reads_and_writes_back_byte_for_byte()
    {
        var bytes = new ExportGenerator(Small).ToBytes();
        using var stream = new MemoryStream(bytes);
        Assert.Equal(bytes, Fixtures.Write(LabelRowReader.ReadAll(stream)));
    }

    [Fact]
    public void Generated_rows_include_dynamic_attributes_multi_polygons_and_both_skeleton_forms()
    {
        var rows = new ExportGenerator(Small).Rows().ToList();
        Assert.Contains(rows, r => r.ObjectActions.Count > 0 && r.DataType == "video");
        Assert.Contains(rows, r => r.IsImageSequence == true);
        Assert.Contains(rows, r => r.EnumerateObjects().Any(o => o.Object.Geometry is PolygonGeometry { IsComplex: true }));
        Assert.Contains(rows, r => r.EnumerateObjects().Any(o => o.Object.Geometry is SkeletonGeometry s && s.Points[0].Visibility is not null));
        Assert.Contains(rows, r => r.EnumerateObjects().Any(o => o.Object.Geometry is SkeletonGeometry s && s.Points[0].Invisible is not null));
    }
}
