using Labelport.Server.Hosting;
using Labelport.Storage.S3;

namespace Labelport.Server;

/// <summary>How <see cref="LabelportServer"/> builds a host: the same options for <c>labelport serve</c> and the tests.</summary>
public sealed record LabelportServerOptions
{
    /// <summary>The data folder: SQLite database, blobs, Data Protection keys.</summary>
    public required string DataFolder { get; init; }

    /// <summary>
    /// A PostgreSQL connection string (<c>--database</c> / LABELPORT_DATABASE): records in PostgreSQL, shared by every
    /// instance that names it. Null: SQLite in the data folder.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>The S3-compatible bucket for media and export files (LABELPORT_S3_*). Null: the data folder.</summary>
    public S3BlobStoreOptions? S3 { get; init; }

    /// <summary>Export downloads answer 302 to a short-lived presigned S3 URL instead of streaming through the server (LABELPORT_S3_PRESIGN_DOWNLOADS).</summary>
    public bool PresignDownloads { get; init; }

    /// <summary>How long a presigned download URL is valid; the download must start within it.</summary>
    public TimeSpan PresignedDownloadLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Addresses to listen on (<c>http://127.0.0.1:0</c> picks a free port).</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5180"];

    /// <summary>Seeds the demo project on first start (when the data folder holds no project).</summary>
    public bool Demo { get; init; }

    /// <summary>The URL clients reach the server at (for absolute links in exports); default the first bound address.</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>The bootstrap admin (LABELPORT_ADMIN_EMAIL); default <c>admin@labelport.local</c>.</summary>
    public string? AdminEmail { get; init; }

    /// <summary>LABELPORT_ADMIN_PASSWORD; generated and printed once when absent.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>LABELPORT_ADMIN_API_KEY; generated and printed once when absent.</summary>
    public string? AdminApiKey { get; init; }

    /// <summary>Password of the demo users (LABELPORT_DEMO_PASSWORD); default <c>labelport-demo</c>.</summary>
    public string? DemoPassword { get; init; }

    /// <summary>How many exports run at the same time in this process.</summary>
    public int ExportWorkerConcurrency { get; init; } = 2;

    /// <summary>How long a worker holds an export job without a heartbeat before another may take it over.</summary>
    public TimeSpan ExportLease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Sign-in attempts per client address per minute.</summary>
    public int SignInPermitsPerMinute { get; init; } = 10;

    /// <summary>Largest label-row import body.</summary>
    public long MaxImportBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Largest media upload body.</summary>
    public long MaxUploadBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest body of every other request.</summary>
    public long MaxRequestBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>How long a graceful stop waits for running requests and exports.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>JSON console logs (off in tests that want quiet output).</summary>
    public bool JsonConsoleLogs { get; init; } = true;

    /// <summary>Where start-up lines go (URL, how to sign in, generated secrets); the CLI passes its console.</summary>
    public Action<string> Announce { get; init; } = _ => { };

    /// <summary>Proxies whose X-Forwarded-For/-Proto are believed (IP addresses or CIDR networks); none: the headers are ignored.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Reads the LABELPORT_* variables into the options.</summary>
    public LabelportServerOptions WithEnvironment(Func<string, string?> getVariable) => this with
    {
        AdminEmail = AdminEmail ?? NullIfEmpty(getVariable("LABELPORT_ADMIN_EMAIL")),
        AdminPassword = AdminPassword ?? NullIfEmpty(getVariable("LABELPORT_ADMIN_PASSWORD")),
        AdminApiKey = AdminApiKey ?? NullIfEmpty(getVariable("LABELPORT_ADMIN_API_KEY")),
        DemoPassword = DemoPassword ?? NullIfEmpty(getVariable("LABELPORT_DEMO_PASSWORD")),
        ExportLease = LeaseFromEnvironment(getVariable) ?? ExportLease,
        PublicBaseUrl = PublicBaseUrl ?? PublicUrlFromEnvironment(getVariable),
        Database = Database ?? NullIfEmpty(getVariable("LABELPORT_DATABASE")),
        S3 = S3 ?? S3Settings.FromEnvironment(getVariable),
        PresignDownloads = PresignDownloads || S3Settings.Flag(getVariable, "LABELPORT_S3_PRESIGN_DOWNLOADS"),
        TrustedProxies = TrustedProxies.Count > 0 ? TrustedProxies : Hosting.TrustedProxies.Parse(getVariable(Hosting.TrustedProxies.Variable)),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static TimeSpan? LeaseFromEnvironment(Func<string, string?> getVariable)
    {
        var value = NullIfEmpty(getVariable("LABELPORT_EXPORT_LEASE_SECONDS"));
        if (value is null)
        {
            return null;
        }
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new Hosting.ServerConfigurationException($"LABELPORT_EXPORT_LEASE_SECONDS must be a whole number of seconds above 0, not '{value}'.");
    }

    private static Uri? PublicUrlFromEnvironment(Func<string, string?> getVariable)
    {
        var value = NullIfEmpty(getVariable("LABELPORT_PUBLIC_URL"));
        if (value is null)
        {
            return null;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new Hosting.ServerConfigurationException($"LABELPORT_PUBLIC_URL must be an absolute http:// or https:// URL, not '{value}'.");
    }
}
