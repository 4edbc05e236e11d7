using Iiif.Core.Errors;

namespace Iiif.Core.Identifiers;

/// <summary>Creates <see cref="ImageIdentifier"/> values that are safe to hand to a source that maps identifiers to files
/// (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: decode once; guard against traversal, absolute paths and NUL). Every refusal is a 400 about
/// <c>identifier</c> whose message repeats at most a short, escaped prefix of the input.</summary>
/// <remarks>Refused after decoding: the empty string; more than <see cref="MaxLength"/> chars; control characters (C0, DEL,
/// C1) and unpaired surrogates; any backslash (a separator on Windows, and never needed by real identifiers); a leading
/// '/'; a drive-letter start (a letter then ':', e.g. <c>C:</c>, which covers <c>C:\</c>, <c>C:/</c> and drive-relative
/// <c>C:x</c>); and any '/'-separated segment made only of dots and spaces (<c>.</c>, <c>..</c>, also <c>...</c> and
/// <c>.. </c>, which Windows trims to <c>..</c>). Colons elsewhere (<c>ark:/12025/654xz321</c>), inner slashes and empty
/// segments are allowed: the source decides what they name.</remarks>
public static class ImageIdentifierParser
{
    /// <summary>The longest decoded identifier accepted, in UTF-16 chars.</summary>
    public const int MaxLength = 1024;

    private const string Parameter = "identifier";

    // A raw segment longer than this cannot decode to MaxLength chars or fewer (an escape is 3 chars for 1 byte, and a
    // char needs at most 3 bytes), so it is refused before decoding.
    private const int MaxRawLength = MaxLength * 9;

    /// <summary>Percent-decodes one raw path segment exactly once (<c>%2F</c> becomes '/', <c>%253C</c> becomes the literal
    /// <c>%3C</c>, <c>%2D</c> becomes '-'), strictly: a '%' without two hex digits after it, or bytes that are not valid
    /// UTF-8, give 400. The result is then checked by <see cref="FromDecoded"/>.</summary>
    public static Result<ImageIdentifier> FromRawSegment(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length > MaxRawLength)
        {
            return Refuse(raw, $"it is longer than {MaxLength} characters");
        }

        return PercentDecoder.TryDecode(raw, out var decoded, out var reason) ? FromDecoded(decoded) : Refuse(raw, reason);
    }

    /// <summary>Checks an already decoded identifier against the rules in the remarks.</summary>
    public static Result<ImageIdentifier> FromDecoded(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = FindProblem(value);
        return reason is null ? new ImageIdentifier(value) : Refuse(value, reason);
    }

    private static string? FindProblem(string value)
    {
        if (value.Length == 0)
        {
            return "an identifier must not be empty";
        }

        if (value.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        return FindBadCharacter(value) ?? FindBadShape(value);
    }

    private static string? FindBadCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return "it must not contain control characters";
            }

            if (c == '\\')
            {
                return "it must not contain a backslash";
            }

            if (char.IsSurrogate(c) && !char.IsSurrogatePair(value, i))
            {
                return "it is not valid Unicode text";
            }

            i += char.IsHighSurrogate(c) ? 1 : 0;
        }

        return null;
    }

    private static string? FindBadShape(string value)
    {
        if (value[0] == '/')
        {
            return "it must not start with '/'";
        }

        if (value.Length >= 2 && char.IsAsciiLetter(value[0]) && value[1] == ':')
        {
            return "it must not start with a drive letter such as 'C:'";
        }

        foreach (var range in value.AsSpan().Split('/'))
        {
            if (IsDotSegment(value.AsSpan(range)))
            {
                return "it must not contain '.' or '..' path segments";
            }
        }

        return null;
    }

    private static bool IsDotSegment(ReadOnlySpan<char> segment) =>
        segment.Contains('.') && segment.Trim([' ', '.']).IsEmpty;

    private static IiifError Refuse(string value, string reason) => ErrorText.Invalid(Parameter, value, reason);
}
