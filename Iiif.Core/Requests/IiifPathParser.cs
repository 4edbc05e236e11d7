using Iiif.Core.Errors;
using Iiif.Core.Identifiers;

namespace Iiif.Core.Requests;

/// <summary>Splits a raw request path into one of the IIIF URI forms (https://iiif.io/api/image/3.0/#2-uri-syntax). The input is the raw target (as from
/// Kestrel's <c>RawTarget</c>, which keeps <c>%2F</c> apart from '/'), with the service prefix and query string removed,
/// e.g. <c>/ark:%2F12025%2F654xz321/full/max/0/default.jpg</c>.</summary>
/// <remarks>The path is split on literal '/' only, so the identifier is exactly the segment after the leading '/' and a raw
/// slash inside an identifier makes an unknown path: 404 (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding, the validator's <c>a/b</c> test). Paths of any other shape
/// are 404 too (https://iiif.io/api/image/3.0/#2-uri-syntax: undefined by the spec). An empty identifier segment is 404. Identifier errors are 400, from
/// <see cref="ImageIdentifierParser.FromRawSegment"/>. The four image parameters are percent-decoded once as well, strictly,
/// because https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding lets clients encode any character (<c>%21</c> for '!', <c>%2C</c> for ','); a malformed escape in one is a
/// 400 about that parameter. A decoded parameter is otherwise passed on unchecked.</remarks>
public static class IiifPathParser
{
    private const string InfoSegment = "info.json";
    private const int MaxSegments = 5;
    private static readonly string[] ParameterNames = ["region", "size", "rotation", "quality"];

    /// <summary>Parses <paramref name="rawPath"/>; see the remarks for the rules.</summary>
    public static Result<IiifPath> Parse(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        if (!rawPath.StartsWith('/'))
        {
            return NotFound();
        }

        var body = rawPath.AsSpan(1);
        Span<Range> parts = stackalloc Range[MaxSegments + 1];
        var count = body.Split(parts, '/');
        if (count > MaxSegments || body[parts[0]].IsEmpty)
        {
            return NotFound();
        }

        var kind = KindOf(body, parts[..count]);
        if (kind is null)
        {
            return NotFound();
        }

        var identifier = ImageIdentifierParser.FromRawSegment(body[parts[0]].ToString());
        if (!identifier.IsSuccess)
        {
            return identifier.Error;
        }

        return kind == IiifPathKind.Image
            ? ParseImage(identifier.Value, body, parts[1..count])
            : new IiifPath(kind.Value, identifier.Value, null, null, null, null);
    }

    // The shape decides the kind before anything is decoded, so a path that is not IIIF is a 404 however odd its identifier.
    private static IiifPathKind? KindOf(ReadOnlySpan<char> body, ReadOnlySpan<Range> parts) => parts.Length switch
    {
        1 => IiifPathKind.Base,
        2 when body[parts[1]].IsEmpty => IiifPathKind.Base,
        2 when body[parts[1]] is InfoSegment => IiifPathKind.Info,
        MaxSegments => IiifPathKind.Image,
        _ => null,
    };

    private static Result<IiifPath> ParseImage(ImageIdentifier identifier, ReadOnlySpan<char> body, ReadOnlySpan<Range> parts)
    {
        var decoded = new string[ParameterNames.Length];
        for (var i = 0; i < decoded.Length; i++)
        {
            var raw = body[parts[i]].ToString();
            if (!PercentDecoder.TryDecode(raw, out decoded[i], out var reason))
            {
                return ErrorText.Invalid(BlamedParameter(i, raw), raw, reason);
            }
        }

        return new IiifPath(IiifPathKind.Image, identifier, decoded[0], decoded[1], decoded[2], decoded[3]);
    }

    // The last segment holds two parameters: blame format when the text before its last literal '.' decodes cleanly.
    private static string BlamedParameter(int index, string raw)
    {
        var dot = raw.LastIndexOf('.');
        return index == ParameterNames.Length - 1 && dot >= 0 && PercentDecoder.TryDecode(raw[..dot], out _, out _)
            ? "format"
            : ParameterNames[index];
    }

    private static IiifError NotFound() => IiifError.NotFound(
        "The path matches none of the IIIF forms /{identifier}, /{identifier}/info.json and "
        + "/{identifier}/{region}/{size}/{rotation}/{quality}.{format}.");
}
