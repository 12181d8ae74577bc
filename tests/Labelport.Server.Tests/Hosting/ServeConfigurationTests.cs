using System.Diagnostics;
using Labelport.Server.Tests.Api;

namespace Labelport.Server.Tests.Hosting;

/// <summary>A malformed setting stops <c>labelport serve</c> at once with one line naming the setting and the value.</summary>
public sealed class ServeConfigurationTests
{
    [Theory]
    [InlineData("LABELPORT_PUBLIC_URL", "labels.example.com", "LABELPORT_PUBLIC_URL must be an absolute http:// or https:// URL, not 'labels.example.com'.")]
    [InlineData("LABELPORT_PUBLIC_URL", "ftp://labels.example.com/", "LABELPORT_PUBLIC_URL must be an absolute http:// or https:// URL, not 'ftp://labels.example.com/'.")]
    [InlineData("LABELPORT_EXPORT_LEASE_SECONDS", "2m", "LABELPORT_EXPORT_LEASE_SECONDS must be a whole number of seconds above 0, not '2m'.")]
    [InlineData("LABELPORT_EXPORT_LEASE_SECONDS", "0", "LABELPORT_EXPORT_LEASE_SECONDS must be a whole number of seconds above 0, not '0'.")]
    [InlineData("LABELPORT_TRUSTED_PROXIES", "10.0.0.5, lb.internal", "LABELPORT_TRUSTED_PROXIES: 'lb.internal' is not an IP address or a CIDR network (e.g. 10.0.0.5 or 10.0.0.0/24).")]
    [InlineData("LABELPORT_S3_PRESIGN_DOWNLOADS", "maybe", "LABELPORT_S3_PRESIGN_DOWNLOADS must be true or false, not 'maybe'.")]
    public async Task A_malformed_setting_stops_the_start_with_its_name_and_value(string name, string value, string message)
    {
        var data = Path.Combine(Path.GetTempPath(), "labelport-config-" + Guid.NewGuid().ToString("N")[..12]);
        var start = ServeProcess.StartInfo(data, "http://127.0.0.1:0");
        start.Environment[name] = value;
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            Assert.Equal("labelport serve: " + message, (await stderr).Trim());
            Assert.DoesNotContain("listening", await stdout, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
