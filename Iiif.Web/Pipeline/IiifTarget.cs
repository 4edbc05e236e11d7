using Iiif.Core.Requests;

namespace Iiif.Web.Pipeline;

/// <summary>A request under the IIIF prefix: its <see cref="ParsedTarget"/> and the public root the client used.</summary>
/// <param name="Parsed">What the raw path names.</param>
/// <param name="Root">The public root (scheme, host, path base), from <see cref="Http.PublicBaseUri"/>.</param>
internal sealed record IiifTarget(ParsedTarget Parsed, string Root)
{
    public ApiVersion Version => Parsed.Version;

    public IiifPathKind Kind => Parsed.Kind;

    /// <summary>The image's base URI as the client must use it: ids in info.json, the redirect and Link headers.</summary>
    public string BaseUri => Parsed.BaseUri(Root);
}
