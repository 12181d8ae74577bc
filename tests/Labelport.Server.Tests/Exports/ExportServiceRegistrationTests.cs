using Labelport.Server.Exports;
using Labelport.Server.Media;
using Labelport.Storage.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Labelport.Server.Tests.Exports;

public sealed class ExportServiceRegistrationTests
{
    [Fact]
    public async Task A_host_with_AddLabelportExports_runs_a_queued_job_when_signalled()
    {
        await using var env = await ExportTestEnvironment.CreateAsync();
        var project = await env.CreateProjectAsync(FixtureRows.Ontology("native_image_data"));
        await env.ImportAsync(project, FixtureRows.Load("native_image_data"));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(env.Storage);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(env.RunnerOptions);
        builder.Services.AddLabelportExports(env.Folder, options => options.PollInterval = TimeSpan.FromMinutes(10));
        using var host = builder.Build();

        await host.StartAsync();
        var queued = await env.QueueAsync(project, new ExportRequest { Format = ExportFormats.Coco });
        host.Services.GetRequiredService<ExportWorkSignal>().Notify();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var job = await env.FindAsync(queued);
        while (job.Status != ExportJobStatus.Succeeded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            job = await env.FindAsync(queued);
        }
        await host.StopAsync();

        Assert.Equal(ExportJobStatus.Succeeded, job.Status);
        Assert.Contains(host.Services.GetServices<IHostedService>(), service => service is ExportWorker);
        Assert.Same(host.Services.GetRequiredService<MediaUrlSigner>(), host.Services.GetRequiredService<MediaUrlSigner>());
        Assert.True(File.Exists(Path.Combine(env.Folder, MediaUrlSigner.SecretFileName)));
    }
}
