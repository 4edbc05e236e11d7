using Iiif.Core.Errors;
using Iiif.Core.Identifiers;
using Iiif.Web.Http;

namespace Iiif.Web.Admin;

/// <summary>Reads the identifier of an admin route such as <c>/admin/cache/{**id}</c> from the RAW request target, as the
/// IIIF routes do (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding): the routing value is already decoded, which would blur <c>%2F</c> and '/' and decode a
/// <c>%25</c> twice on the way to a file name. The rest after the route's literal segments is decoded once and checked
/// by <see cref="ImageIdentifierParser"/> (traversal, control characters, ...: 400).</summary>
internal static class AdminIdentifier
{
    /// <summary>The identifier after the first <paramref name="literalSegments"/> segments of the raw path.</summary>
    public static Result<ImageIdentifier> Read(HttpContext context, int literalSegments)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = RawRequestTarget.PathOf(context);
        var start = 0;
        for (var i = 0; i <= literalSegments && start >= 0; i++)
        {
            // Skips the leading '/' and then one '/' per literal segment; literal segments never hold an encoded '/'.
            start = raw.IndexOf('/', start) is var slash and >= 0 ? slash + 1 : -1;
        }

        return ImageIdentifierParser.FromRawSegment(start < 0 ? string.Empty : raw[start..]);
    }
}
