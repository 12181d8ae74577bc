using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Labelport.Storage.Files;

namespace Labelport.Storage.S3;

/// <summary>
/// Media and export files in an S3-compatible bucket. Uploads are multipart (or one PUT when small) and become visible
/// only when completed; reads are seekable through ranged GETs; downloads can be handed out as presigned URLs.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    /// <summary>The longest validity SigV4 allows a presigned URL (X-Amz-Expires of 604800 seconds).</summary>
    public static readonly TimeSpan MaxPresignedTimeToLive = TimeSpan.FromDays(7);

    private readonly AmazonS3Client client;
    private readonly S3BlobStoreOptions options;
    private readonly TimeProvider timeProvider;

    private S3BlobStore(AmazonS3Client client, S3BlobStoreOptions options, TimeProvider timeProvider)
    {
        this.client = client;
        this.options = options;
        this.timeProvider = timeProvider;
    }

    public string Bucket => options.Bucket;

    /// <summary>Connects and checks the bucket (creating it when <see cref="S3BlobStoreOptions.CreateBucket"/>).</summary>
    public static async Task<S3BlobStore> OpenAsync(S3BlobStoreOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PartSize < S3BlobStoreOptions.MinimumPartSize)
        {
            throw new ArgumentException($"S3 part size {options.PartSize} is below S3's minimum of {S3BlobStoreOptions.MinimumPartSize} bytes.", nameof(options));
        }
        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            // S3-compatible servers do not all understand the SDK's default trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        var client = options is { AccessKey: { Length: > 0 } accessKey, SecretKey: { Length: > 0 } secretKey }
            ? new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), config)
            : new AmazonS3Client(config);
        var store = new S3BlobStore(client, options, timeProvider);
        try
        {
            await store.CheckBucketAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Nothing is sent until the first part fills (or the upload is published).</summary>
    public Task<IBlobUpload> BeginUploadAsync(string key, string contentType, CancellationToken cancellationToken)
    {
        CheckKey(key);
        return Task.FromResult<IBlobUpload>(new S3BlobUpload(new S3UploadStream(client, options.Bucket, key, contentType, options.PartSize)));
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = options.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new S3ReadStream(client, options.Bucket, key, response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<long?> GetLengthAsync(string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        try
        {
            var metadata = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = options.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        CheckKey(key);
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = options.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
    }

    public Uri? TryGetPresignedUrl(string key, TimeSpan timeToLive, string? downloadFileName = null)
    {
        CheckKey(key);
        if (timeToLive > MaxPresignedTimeToLive)
        {
            return null;
        }
        var request = new GetPreSignedUrlRequest
        {
            BucketName = options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = timeProvider.GetUtcNow().Add(timeToLive).UtcDateTime,
            Protocol = options.ServiceUrl.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (downloadFileName is not null)
        {
            request.ResponseHeaderOverrides.ContentDisposition =
                new System.Net.Mime.ContentDisposition { DispositionType = "attachment", FileName = downloadFileName }.ToString();
        }
        return new Uri(client.GetPreSignedURL(request));
    }

    public void Dispose() => client.Dispose();

    /// <summary>Keys are generated by the stores; a key of another shape is a bug (it would let a request shape one).</summary>
    private static void CheckKey(string key)
    {
        if (!BlobKeys.IsValid(key))
        {
            throw new ArgumentException($"Blob key '{key}' is not a store-generated key (lower-case relative path).", nameof(key));
        }
    }

    private async Task CheckBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            // HEAD bucket needs only s3:ListBucket on the bucket, which the store's least-privilege policy grants anyway.
            await client.HeadBucketAsync(new HeadBucketRequest { BucketName = options.Bucket }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && options.CreateBucket)
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = options.Bucket }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"S3 bucket '{options.Bucket}' does not exist at {options.ServiceUrl}.", e);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException($"S3 bucket '{options.Bucket}' at {options.ServiceUrl} refused the credentials ({(int)e.StatusCode}): check the access key, secret key and the bucket policy.", e);
        }
    }
}
