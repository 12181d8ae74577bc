using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Labelport.Server.Auth;

/// <summary>API keys: <c>lp_</c> + 43 base64url characters (32 random bytes); only their SHA-256 is stored.</summary>
internal static class ApiKeys
{
    public const string Prefix = "lp_";

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
