using System.Text.Json;
using System.Threading.RateLimiting;
using Labelport.Server.Auth;
using Labelport.Server.Datasets;
using Labelport.Server.Demo;
using Labelport.Server.Exports;
using Labelport.Server.Hosting;
using Labelport.Server.LabelRows;
using Labelport.Server.Media;
using Labelport.Server.Projects;
using Labelport.Server.Users;
using Labelport.Server.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelport.Server;

/// <summary>
/// The Labelport web host. <c>labelport serve</c> and the tests build exactly this host; start it with
/// <see cref="StartAsync"/> to seed the admin (and the demo) and learn the bound address.
/// </summary>
public static class LabelportServer
{
    public static async Task<WebApplication> BuildAsync(LabelportServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataFolder = Path.GetFullPath(options.DataFolder);
        Directory.CreateDirectory(dataFolder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LabelportServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
        });
        ConfigureLogging(builder, options);

        var time = TimeProvider.System;
        var storage = await ServerStorage.OpenAsync(options, dataFolder, time, cancellationToken);
        options.Announce(ServerStorage.Describe(options, dataFolder));
        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(_ => storage);
        services.AddSingleton(storage.Accounts);
        services.AddSingleton(storage.Projects);
        services.AddSingleton(storage.LabelRows);
        services.AddSingleton(storage.ExportJobs);
        services.AddSingleton(storage.Blobs);
        services.AddSingleton(options);
        services.AddSingleton<ProjectAccess>();
        services.AddSingleton<OntologyCache>();
        services.AddSingleton<LabelRowImporter>();
        services.AddSingleton<MediaUploader>();
        var temporaryFolder = Directory.CreateDirectory(Path.Combine(dataFolder, "tmp")).FullName;
        services.AddSingleton(new ExportRunnerOptions { TemporaryFolder = temporaryFolder });
        services.AddLabelportExports(dataFolder, worker =>
        {
            worker.Concurrency = options.ExportWorkerConcurrency;
            worker.LeaseDuration = options.ExportLease;
        });
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        services.AddDataProtection()
            .SetApplicationName("Labelport")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.RespectNullableAnnotations = true;
            json.SerializerOptions.RespectRequiredConstructorParameters = true;
            json.SerializerOptions.AllowOutOfOrderMetadataProperties = true;
            json.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
        });
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        ConfigureAuthentication(services);
        ConfigureRateLimiting(services, options);

        // Before the build: a malformed entry stops the start with its message.
        var forwarded = options.TrustedProxies.Count > 0 ? TrustedProxies.ToOptions(options.TrustedProxies) : null;

        var app = builder.Build();
        if (forwarded is not null)
        {
            app.UseForwardedHeaders(forwarded);
        }
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CsrfMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        MapEndpoints(app, options);
        return app;
    }

    /// <summary>Starts the host, seeds the bootstrap admin (and the demo), and announces the URL and how to sign in.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<LabelportServerOptions>();
        await app.StartAsync(cancellationToken);
        var address = BoundAddress(app);
        var publicUrl = options.PublicBaseUrl ?? address;
        app.Services.GetRequiredService<ExportRunnerOptions>().PublicBaseUri = publicUrl;
        var admin = await BootstrapAdmin.EnsureAsync(app.Services, options, cancellationToken);
        options.Announce("Labelport is listening on " + publicUrl);
        foreach (var line in admin)
        {
            options.Announce(line);
        }
        if (options.Demo)
        {
            foreach (var line in await DemoSeeder.SeedIfEmptyAsync(app.Services, options, cancellationToken))
            {
                options.Announce(line);
            }
        }
        return publicUrl;
    }

    /// <summary>The first address the server listens on (the real port when 0 was asked for).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server has no bound address; start it first.");
        return new Uri(first.EndsWith('/') ? first : first + "/");
    }

    /// <summary>The one place that picks the store (SQLite in the data folder; other back ends add their choice here).</summary>
    private static void MapEndpoints(WebApplication app, LabelportServerOptions options)
    {
        app.MapOpenApi();
        app.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok"))).WithTags("Health").AllowAnonymous();
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapProjectEndpoints();
        app.MapDatasetEndpoints(options.MaxUploadBytes);
        app.MapMediaEndpoints();
        app.MapLabelRowEndpoints(options.MaxImportBytes);
        app.MapExportEndpoints();
        app.MapLabelportWeb();
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, LabelportServerOptions options)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // Keys sit in <data>/keys with the database; there is no separate key-encryption secret to protect them with.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        if (options.JsonConsoleLogs)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
            // Logs go to stderr, so stdout carries only the start-up lines for people (URL, how to sign in).
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console =>
            {
                console.LogToStandardErrorThreshold = LogLevel.Trace;
            });
        }
    }

    private static void ConfigureAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "API key or session cookie", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AuthSchemes.ApiKey : AuthSchemes.Cookie)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(AuthSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = AuthSchemes.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
    }

    private static void ConfigureRateLimiting(IServiceCollection services, LabelportServerOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AuthSchemes.SignInRateLimitPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problem = new ApiProblemException(StatusCodes.Status429TooManyRequests, "Too many requests", "Too many sign-in attempts from this address; try again later.");
                await ProblemResponses.WriteAsync(context.RequestServices.GetRequiredService<IProblemDetailsService>(), context, problem);
            };
        });
    }
}
