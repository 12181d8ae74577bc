using System.Security.Cryptography;
using System.Text;
using Labelport.Server.Media;

namespace Labelport.Server.Tests.Media;

public sealed class MediaUrlSignerTests : IDisposable
{
    private const string DataHash = "f850dfb4-7146-49e0-9afc-2b9434a64a9f";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "labelport-signer-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Signed_path_verifies_before_expiry_and_is_the_documented_hmac()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var signer = new MediaUrlSigner(secret);
        var expires = Now.AddHours(1);

        var (hash, expiresText, signature) = Split(signer.CreateSignedPath(DataHash, expires));

        Assert.Equal(DataHash, hash);
        Assert.Equal(expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), expiresText);
        var expected = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"/media/{DataHash}\n{expiresText}"));
        Assert.Equal(Convert.ToBase64String(expected).TrimEnd('=').Replace('+', '-').Replace('/', '_'), signature);
        Assert.True(signer.TryVerify(DataHash, expiresText, signature, Now));
        Assert.True(signer.TryVerify(DataHash, expiresText, signature, expires.AddSeconds(-1)));
    }

    [Fact]
    public void Expired_signatures_are_rejected()
    {
        var signer = new MediaUrlSigner(RandomNumberGenerator.GetBytes(32));
        var expires = Now.AddMinutes(5);
        var (_, expiresText, signature) = Split(signer.CreateSignedPath(DataHash, expires));

        Assert.False(signer.TryVerify(DataHash, expiresText, signature, expires));
        Assert.False(signer.TryVerify(DataHash, expiresText, signature, expires.AddDays(1)));
    }

    [Fact]
    public void Altered_hash_expiry_signature_or_secret_is_rejected()
    {
        var signer = new MediaUrlSigner(RandomNumberGenerator.GetBytes(32));
        var (_, expiresText, signature) = Split(signer.CreateSignedPath(DataHash, Now.AddHours(1)));
        var later = (long.Parse(expiresText, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var flipped = (signature[0] == 'A' ? "B" : "A") + signature[1..];

        Assert.False(signer.TryVerify("a97f86f8-3af8-478c-9280-7b80afbf5ffc", expiresText, signature, Now));
        Assert.False(signer.TryVerify(DataHash, later, signature, Now));
        Assert.False(signer.TryVerify(DataHash, expiresText, flipped, Now));
        Assert.False(new MediaUrlSigner(RandomNumberGenerator.GetBytes(32)).TryVerify(DataHash, expiresText, signature, Now));
    }

    [Theory]
    [InlineData(null, "sig")]
    [InlineData("", "sig")]
    [InlineData("abc", "sig")]
    [InlineData("-5", "sig")]
    [InlineData("+1999999999", null)]
    [InlineData(" 1999999999", null)]
    [InlineData("01999999999", null)]
    [InlineData("99999999999999999999999", null)]
    [InlineData("1999999999", "")]
    [InlineData("1999999999", "not base64!")]
    [InlineData("1999999999", "c2hvcnQ")]
    public void Malformed_expiry_or_signature_is_rejected(string? expires, string? signature)
    {
        var signer = new MediaUrlSigner(RandomNumberGenerator.GetBytes(32));
        // A valid signature for the canonical expiry, used where the case only spoils the expiry text.
        var (_, _, good) = Split(signer.CreateSignedPath(DataHash, DateTimeOffset.FromUnixTimeSeconds(1999999999)));

        Assert.False(signer.TryVerify(DataHash, expires, signature ?? good, Now));
    }

    [Fact]
    public void Canonical_expiry_with_its_signature_verifies()
    {
        // Guards the malformed cases above: with the canonical text, the same signature is accepted.
        var signer = new MediaUrlSigner(RandomNumberGenerator.GetBytes(32));
        var (_, expires, good) = Split(signer.CreateSignedPath(DataHash, DateTimeOffset.FromUnixTimeSeconds(1999999999)));

        Assert.Equal("1999999999", expires);
        Assert.True(signer.TryVerify(DataHash, expires, good, Now));
    }

    [Fact]
    public void Secret_file_is_created_once_owner_only_and_reused()
    {
        var first = MediaUrlSigner.LoadOrCreate(_folder);
        var path = Path.Combine(_folder, MediaUrlSigner.SecretFileName);
        var bytes = File.ReadAllBytes(path);
        var (_, expires, signature) = Split(first.CreateSignedPath(DataHash, Now.AddHours(1)));

        var second = MediaUrlSigner.LoadOrCreate(_folder);

        Assert.Equal(32, bytes.Length);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.True(second.TryVerify(DataHash, expires, signature, Now));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.Equal([MediaUrlSigner.SecretFileName], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_secret_file_of_the_wrong_length_is_an_error_naming_the_file()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, MediaUrlSigner.SecretFileName);
        File.WriteAllBytes(path, new byte[7]);

        var error = Assert.Throws<InvalidDataException>(() => MediaUrlSigner.LoadOrCreate(_folder));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("found 7", error.Message, StringComparison.Ordinal);
    }

    private static (string DataHash, string Expires, string Signature) Split(string signedPath)
    {
        var uri = new Uri("http://localhost" + signedPath);
        Assert.StartsWith("/media/", uri.AbsolutePath, StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        return (Uri.UnescapeDataString(uri.AbsolutePath["/media/".Length..]), query["expires"]!, query["signature"]!);
    }
}
