using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Labelport.Server.Hosting;

/// <summary>
/// <c>LABELPORT_TRUSTED_PROXIES</c>: the load balancers / reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Without it the headers are ignored (anyone could send them), and every
/// request behind a proxy would share the proxy's address — one sign-in rate limit for all users, and access-log
/// lines that all name the proxy.
/// </summary>
internal static class TrustedProxies
{
    public const string Variable = "LABELPORT_TRUSTED_PROXIES";

    /// <summary>Comma-separated IP addresses and CIDR networks (<c>10.0.0.5, 10.1.0.0/16, ::1</c>).</summary>
    public static IReadOnlyList<string> Parse(string? value)
        => string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <exception cref="ServerConfigurationException">An entry is neither an IP address nor a CIDR network.</exception>
    public static ForwardedHeadersOptions ToOptions(IReadOnlyList<string> entries)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Walk the chain from the right for as long as the sender is one of ours: no fixed hop count.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else
            {
                throw new ServerConfigurationException($"{Variable}: '{entry}' is not an IP address or a CIDR network (e.g. 10.0.0.5 or 10.0.0.0/24).");
            }
        }
        return options;
    }
}
