using System.CommandLine;
using Labelport.Client;

namespace Labelport.Cli.Commands;

/// <summary>
/// <c>labelport import media FILE… --dataset HASH [--kind K] [--title T] [--attach PROJECT]</c>: uploads media files
/// into a dataset (optionally attaching it to a project) and prints <c>dataHash&lt;TAB&gt;title</c> per created item.
/// </summary>
internal static class ImportMediaCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new ServerOptions();
        var files = new Argument<string[]>("FILE") { Description = "Media files (PNG, JPEG, WebP, MP4, WebM).", Arity = ArgumentArity.OneOrMore };
        var dataset = new Option<string>("--dataset") { Description = "The dataset's hash.", Required = true };
        var kind = new Option<string>("--kind") { Description = "image (each file its own item, the default), video, img_group or image_sequence (all files one item, in order).", DefaultValueFactory = _ => "image" };
        kind.AcceptOnlyFromAmong("image", "video", "img_group", "image_sequence");
        var title = new Option<string?>("--title") { Description = "Title of the group (or of a single file)." };
        var width = new Option<int?>("--width") { Description = "Width in pixels, when the server cannot read it from the file." };
        var height = new Option<int?>("--height") { Description = "Height in pixels, when the server cannot read it from the file." };
        var frames = new Option<int?>("--frames") { Description = "Number of frames of a video." };
        var fps = new Option<double?>("--fps") { Description = "Frames per second of a video." };
        var attach = new Option<string?>("--attach") { Description = "Attach the dataset to this project afterwards (creates empty label rows)." };
        var command = new Command("media", "Upload media files into a dataset.");
        command.Arguments.Add(files);
        server.AddTo(command);
        command.Options.Add(dataset);
        command.Options.Add(kind);
        command.Options.Add(title);
        command.Options.Add(width);
        command.Options.Add(height);
        command.Options.Add(frames);
        command.Options.Add(fps);
        command.Options.Add(attach);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!server.TryCreateClient(result, out var client, out var error))
            {
                console.WriteErrorLine(error);
                return LabelportCli.Usage;
            }
            using (client)
            {
                var paths = result.GetValue(files)!;
                foreach (var path in paths)
                {
                    if (!File.Exists(path))
                    {
                        console.WriteErrorLine(path + ": no such file");
                        return LabelportCli.Failed;
                    }
                }
                var options = new MediaUploadOptions
                {
                    Kind = result.GetValue(kind) switch
                    {
                        "video" => MediaKind.Video,
                        "img_group" => MediaKind.ImageGroup,
                        "image_sequence" => MediaKind.ImageSequence,
                        _ => MediaKind.Image,
                    },
                    Title = result.GetValue(title),
                    Width = result.GetValue(width),
                    Height = result.GetValue(height),
                    Frames = result.GetValue(frames),
                    Fps = result.GetValue(fps),
                };
                var datasetHash = result.GetValue(dataset)!;
                try
                {
                    var items = await client.Datasets.UploadFilesAsync(datasetHash, paths, options, cancellationToken).ConfigureAwait(false);
                    console.WriteErrorLine($"uploaded {paths.Length} files as {items.Count} data items into dataset {datasetHash}");
                    foreach (var item in items)
                    {
                        console.WriteLine(item.DataHash + "\t" + item.Title);
                    }
                    if (result.GetValue(attach) is { } projectHash)
                    {
                        await client.Projects.AttachDatasetAsync(projectHash, datasetHash, cancellationToken).ConfigureAwait(false);
                        console.WriteErrorLine($"attached dataset {datasetHash} to project {projectHash}");
                    }
                    return 0;
                }
                catch (Exception e) when (ServerErrors.IsExpected(e))
                {
                    return ServerErrors.Report(console, e, client.Server.ToString());
                }
            }
        });
        return command;
    }
}
