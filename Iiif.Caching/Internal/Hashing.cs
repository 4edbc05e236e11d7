using System.Security.Cryptography;
using System.Text;

namespace Iiif.Caching.Internal;

/// <summary>SHA-256 in lower-case hex: file and key names that are safe whatever characters an identifier holds.</summary>
internal static class Hashing
{
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
