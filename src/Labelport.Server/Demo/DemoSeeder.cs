namespace Labelport.Server.Demo;

internal static class DemoSeeder
{
    public static Task<IReadOnlyList<string>> SeedIfEmptyAsync(IServiceProvider services, LabelportServerOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
