using System.Buffers.Text;
using System.Security.Cryptography;
using Labelport.Storage.Records;
using Microsoft.AspNetCore.Identity;

namespace Labelport.Server.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 password hashes for <see cref="UserRecord"/>s.</summary>
internal static class Passwords
{
    private static readonly PasswordHasher<UserRecord> Hasher = new();

    /// <summary>A hash to verify against when the e-mail is unknown, so both cases take the same time.</summary>
    private static readonly Lazy<string> DummyHash = new(() => Hash(Generate()));

    public const int MinimumLength = 8;

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(UserRecord? user, string password)
    {
        if (user?.PasswordHash is not { } hash)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return false;
        }
        return Hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
    }

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
}
