using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Labelport.Server.Media;

/// <summary>
/// Signs and verifies <c>/media/{dataHash}?expires=…&amp;signature=…</c> links (docs/rest-api.md):
/// <c>signature = base64url(HMAC-SHA256(secret, "/media/{dataHash}\n{expires}"))</c>, compared in constant time.
/// The 32-byte secret lives in <c>&lt;data&gt;/secret.key</c>, created on first start.
/// </summary>
public sealed class MediaUrlSigner
{
    public const int SecretLength = 32;

    public const string SecretFileName = "secret.key";

    private const int SignatureLength = 32;

    private readonly byte[] _secret;

    public MediaUrlSigner(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != SecretLength)
        {
            throw new ArgumentException($"the media URL secret must be {SecretLength} bytes, not {secret.Length}", nameof(secret));
        }
        _secret = secret.ToArray();
    }

    /// <summary>
    /// Reads <c>&lt;dataFolder&gt;/secret.key</c>, or creates it (random, written to a temporary file with owner-only
    /// permissions and renamed into place, so a crash never leaves a short key behind).
    /// </summary>
    public static MediaUrlSigner LoadOrCreate(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, SecretFileName);
        if (!File.Exists(path))
        {
            CreateSecretFile(path);
        }
        var secret = File.ReadAllBytes(path);
        if (secret.Length != SecretLength)
        {
            throw new InvalidDataException($"{path}: the media URL secret must be {SecretLength} bytes, found {secret.Length}; delete the file to make a new one (signed links already given out stop working)");
        }
        return new MediaUrlSigner(secret);
    }

    /// <summary><c>/media/{dataHash}?expires={unix seconds}&amp;signature={base64url}</c>.</summary>
    public string CreateSignedPath(string dataHash, DateTimeOffset expires)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataHash);
        var expiresText = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Span<byte> signature = stackalloc byte[SignatureLength];
        Sign(dataHash, expiresText, signature);
        return $"/media/{Uri.EscapeDataString(dataHash)}?expires={expiresText}&signature={Base64Url.EncodeToString(signature)}";
    }

    /// <summary>True when the signature is this server's for the data hash and expiry, and the expiry is after <paramref name="now"/>.</summary>
    public bool TryVerify(string dataHash, string? expires, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(dataHash) || string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature))
        {
            return false;
        }
        // Canonical decimal only: "+5", " 5" or "05" would sign the same instant with different text.
        if (expires.Length > 19 || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresSeconds)
            || expiresSeconds.ToString(CultureInfo.InvariantCulture) != expires)
        {
            return false;
        }
        if (expiresSeconds <= now.ToUnixTimeSeconds())
        {
            return false;
        }
        Span<byte> presented = stackalloc byte[SignatureLength + 3];
        if (signature.Length != Base64Url.GetEncodedLength(SignatureLength)
            || Base64Url.DecodeFromChars(signature, presented, out _, out var decoded) != System.Buffers.OperationStatus.Done
            || decoded != SignatureLength)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[SignatureLength];
        Sign(dataHash, expires, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented[..SignatureLength]);
    }

    private void Sign(string dataHash, string expiresText, Span<byte> destination)
    {
        var message = Encoding.UTF8.GetBytes("/media/" + dataHash + "\n" + expiresText);
        HMACSHA256.HashData(_secret, message, destination);
    }

    private static void CreateSecretFile(string path)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var file = new FileStream(temporary, options))
            {
                file.Write(RandomNumberGenerator.GetBytes(SecretLength));
                file.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                // No overwrite: when two processes start at once, the first key wins and both use it.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
