using Labelport.Server.Media;
using Labelport.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Labelport.Server.Exports;

public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// Registers the media URL signer (secret in <c>&lt;dataFolder&gt;/secret.key</c>), the work signal, the export
    /// runner and the background worker. The host registers <c>LabelportStorage</c> and <see cref="TimeProvider"/> as
    /// singletons, and may register its own <see cref="ExportRunnerOptions"/> (otherwise a default is used).
    /// </summary>
    public static IServiceCollection AddLabelportExports(this IServiceCollection services, string dataFolder, Action<ExportWorkerOptions>? configureWorker = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        var workerOptions = new ExportWorkerOptions();
        configureWorker?.Invoke(workerOptions);
        services.AddSingleton(workerOptions);
        services.TryAddSingleton(new ExportRunnerOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => MediaUrlSigner.LoadOrCreate(dataFolder));
        services.AddSingleton<ExportWorkSignal>();
        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<LabelportStorage>();
            return new ExportRunner(
                storage.Projects, storage.LabelRows, storage.ExportJobs, storage.Blobs,
                provider.GetRequiredService<MediaUrlSigner>(), provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ExportRunnerOptions>(), workerOptions, provider.GetService<ILogger<ExportRunner>>());
        });
        services.AddSingleton(provider => new ExportWorker(
            provider.GetRequiredService<LabelportStorage>().ExportJobs, provider.GetRequiredService<ExportRunner>(),
            provider.GetRequiredService<ExportWorkSignal>(), provider.GetRequiredService<TimeProvider>(), workerOptions,
            provider.GetService<ILogger<ExportWorker>>() ?? NullLogger<ExportWorker>.Instance));
        services.AddHostedService(provider => provider.GetRequiredService<ExportWorker>());
        return services;
    }
}
