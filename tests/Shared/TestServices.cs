namespace Labelport.Tests.Shared;

/// <summary>
/// Where the PostgreSQL server and the S3-compatible endpoint of the tests are (scripts/start-test-services.sh starts
/// them): the <c>LABELPORT_TEST_*</c> environment variables, else the settings file that script writes. Missing
/// services fail the tests that need them; they are never skipped.
/// </summary>
internal static class TestServices
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> FileSettings = new(ReadSettingsFile);

    public static string PostgresConnectionString => Get("LABELPORT_TEST_POSTGRES");

    public static Uri S3Endpoint => new(Get("LABELPORT_TEST_S3_ENDPOINT"));

    public static string S3AccessKey => Get("LABELPORT_TEST_S3_ACCESS_KEY");

    public static string S3SecretKey => Get("LABELPORT_TEST_S3_SECRET_KEY");

    public static string S3Region => Get("LABELPORT_TEST_S3_REGION");

    private static string SettingsFile =>
        Environment.GetEnvironmentVariable("LABELPORT_TEST_SERVICES_FILE") is { Length: > 0 } file
            ? file
            : Path.Combine(Environment.GetEnvironmentVariable("LABELPORT_TEST_SERVICES_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "labelport-test-services"), "services.env");

    private static string Get(string name)
    {
        if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
        {
            return value;
        }
        if (FileSettings.Value.TryGetValue(name, out var fromFile) && fromFile.Length > 0)
        {
            return fromFile;
        }
        throw new InvalidOperationException(
            $"{name} is not set and {SettingsFile} does not name it: start the test services with `bash scripts/start-test-services.sh`.");
    }

    private static Dictionary<string, string> ReadSettingsFile()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(SettingsFile))
        {
            return settings;
        }
        foreach (var line in File.ReadLines(SettingsFile))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !line.StartsWith('#'))
            {
                settings[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }
        return settings;
    }
}
