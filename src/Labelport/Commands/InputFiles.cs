using Labelport.Core.Json;
using Labelport.Core.Ontology;

namespace Labelport.Cli.Commands;

/// <summary>Opens the files a command reads, turning every way that can fail into one friendly sentence.</summary>
internal static class InputFiles
{
    public static bool TryOpen(string path, out Stream stream, out string error)
    {
        stream = Stream.Null;
        if (Directory.Exists(path))
        {
            error = path + ": is a directory, expected a JSON file";
            return false;
        }
        if (!File.Exists(path))
        {
            error = path + ": no such file";
            return false;
        }
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            if (file.Length == 0)
            {
                file.Dispose();
                error = path + ": the file is empty, expected JSON";
                return false;
            }
            stream = file;
            error = string.Empty;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = path + ": cannot be read (" + e.Message + ")";
            return false;
        }
    }

    public static bool TryReadOntology(string path, out OntologyStructure ontology, out string error)
    {
        ontology = null!;
        if (!TryOpen(path, out var stream, out error))
        {
            return false;
        }
        using (stream)
        {
            try
            {
                ontology = OntologyReader.Read(stream);
                return true;
            }
            catch (LabelFormatException e)
            {
                error = path + ": " + e.Message;
                return false;
            }
        }
    }
}
