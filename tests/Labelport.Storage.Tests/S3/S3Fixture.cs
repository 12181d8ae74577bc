using Amazon.Runtime;
using Amazon.S3;
using Labelport.Storage.S3;
using Labelport.Tests.Shared;

namespace Labelport.Storage.Tests.S3;

/// <summary>A fresh bucket on the test S3 endpoint (moto), with the smallest part size S3 allows so tests go multipart quickly.</summary>
public sealed class S3Fixture : IAsyncLifetime
{
    private S3BlobStore? store;

    public S3BlobStoreOptions Options { get; } = new(
        TestServices.S3Endpoint, "lp-test-" + Guid.NewGuid().ToString("N")[..20], TestServices.S3AccessKey, TestServices.S3SecretKey, TestServices.S3Region)
    {
        PartSize = S3BlobStoreOptions.MinimumPartSize,
        CreateBucket = true,
    };

    public S3BlobStore Store => store ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>A plain SDK client on the same endpoint, to look at the bucket from outside the store.</summary>
    public AmazonS3Client CreateRawClient() => new(
        new BasicAWSCredentials(Options.AccessKey, Options.SecretKey),
        new AmazonS3Config { ServiceURL = Options.ServiceUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = Options.Region });

    public async Task InitializeAsync() => store = await S3BlobStore.OpenAsync(Options, TimeProvider.System, CancellationToken.None);

    public Task DisposeAsync()
    {
        store?.Dispose();
        return Task.CompletedTask;
    }
}
