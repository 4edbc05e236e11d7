using System.Text;

namespace Iiif.Web.Http;

/// <summary>Encodes a decoded identifier as a client must send it in a path segment (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding): every character
/// except the RFC 3986 unreserved ones, the sub-delimiters and ':' is percent-encoded as UTF-8, so
/// <c>/ ? # [ ] @ %</c>, spaces and non-ASCII always are. Ordinary identifiers come back unchanged, so an info.json
/// id equals the URL the client used (https://iiif.io/api/image/3.0/#52-technical-properties); <c>ark:/1/2</c> becomes <c>ark:%2F1%2F2</c>.</summary>
internal static class IdentifierEncoder
{
    public static string Encode(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.All(IsKept))
        {
            return identifier;
        }

        var builder = new StringBuilder(identifier.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (IsKept(c))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < identifier.Length
                ? Encoding.UTF8.GetBytes(identifier.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(identifier.AsSpan(i, 1), bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }

        return builder.ToString();
    }

    private static bool IsKept(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')'
            or '*' or '+' or ',' or ';' or '=' or ':';

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
