using Iiif.Core.Requests;
using Iiif.Web.Http;

namespace Iiif.Web.Pipeline;

/// <summary>What a raw request path under the IIIF prefix names, before any I/O and whatever host it was sent to, so
/// one parse serves every repeat of the path (see <see cref="IiifTargetReader"/>).</summary>
/// <param name="Version">The API version: from the version segment, else server.defaultVersion.</param>
/// <param name="ServicePath">The prefix and version segment exactly as requested, e.g. <c>/iiif/3</c> or <c>/iiif</c>.</param>
/// <param name="Path">The parsed IIIF path (identifier decoded once, parameters decoded once).</param>
/// <param name="Image">For an image request, its checked parameters; else null.</param>
internal sealed record ParsedTarget(ApiVersion Version, string ServicePath, IiifPath Path, ImageTarget? Image)
{
    /// <summary>The identifier as a client must write it in a path segment
    /// (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding).</summary>
    public string EncodedIdentifier { get; } = IdentifierEncoder.Encode(Path.Identifier.Value);

    public IiifPathKind Kind => Path.Kind;

    /// <summary>The image's base URI under <paramref name="root"/>, without a trailing slash
    /// (https://iiif.io/api/image/3.0/#31-base-uri).</summary>
    public string BaseUri(string root) => string.Concat(root, ServicePath, "/", EncodedIdentifier);
}
