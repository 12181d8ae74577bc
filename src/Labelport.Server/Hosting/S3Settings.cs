using Labelport.Storage.S3;

namespace Labelport.Server.Hosting;

/// <summary>Reads the <c>LABELPORT_S3_*</c> variables (docs/deploy.md).</summary>
public static class S3Settings
{
    public const string DefaultRegion = "us-east-1";

    /// <summary>The bucket the variables name, or null when none of them is set.</summary>
    public static S3BlobStoreOptions? FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var endpoint = Value(getVariable, "LABELPORT_S3_ENDPOINT");
        var bucket = Value(getVariable, "LABELPORT_S3_BUCKET");
        var accessKey = Value(getVariable, "LABELPORT_S3_ACCESS_KEY");
        var secretKey = Value(getVariable, "LABELPORT_S3_SECRET_KEY");
        var region = Value(getVariable, "LABELPORT_S3_REGION");
        if (endpoint is null && bucket is null && accessKey is null && secretKey is null && region is null)
        {
            return null;
        }
        if (endpoint is null || bucket is null)
        {
            throw new ServerConfigurationException(
                "LABELPORT_S3_ENDPOINT and LABELPORT_S3_BUCKET are both needed for S3 storage (set: " +
                string.Join(", ", new[] { ("LABELPORT_S3_ENDPOINT", endpoint), ("LABELPORT_S3_BUCKET", bucket) }.Where(v => v.Item2 is not null).Select(v => v.Item1).DefaultIfEmpty("neither")) + ").");
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ServerConfigurationException($"LABELPORT_S3_ENDPOINT must be an http:// or https:// URL, not '{endpoint}'.");
        }
        if ((accessKey is null) != (secretKey is null))
        {
            throw new ServerConfigurationException(
                "LABELPORT_S3_ACCESS_KEY and LABELPORT_S3_SECRET_KEY go together (or leave both unset for the AWS default credentials).");
        }
        return new S3BlobStoreOptions(url, bucket, accessKey, secretKey, region ?? DefaultRegion);
    }

    /// <summary>True for <c>1</c>/<c>true</c>/<c>yes</c>, false when unset or <c>0</c>/<c>false</c>/<c>no</c>.</summary>
    public static bool Flag(Func<string, string?> getVariable, string name)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var value = Value(getVariable, name);
        return value?.ToUpperInvariant() switch
        {
            null or "0" or "FALSE" or "NO" => false,
            "1" or "TRUE" or "YES" => true,
            _ => throw new ServerConfigurationException($"{name} must be true or false, not '{value}'."),
        };
    }

    private static string? Value(Func<string, string?> getVariable, string name) =>
        getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
