using Iiif.Core.Requests;

namespace Iiif.Web.Pipeline;

/// <summary>A request under the IIIF prefix, split into its version and IIIF path.</summary>
/// <param name="Version">The API version: from the version segment, else server.defaultVersion.</param>
/// <param name="BaseUri">The image's base URI as the client must use it (digest §1, §3.4): public root, the prefix and
/// version segment exactly as requested, and the identifier encoded by <see cref="Http.IdentifierEncoder"/>. No trailing
/// slash.</param>
/// <param name="Path">The parsed IIIF path (identifier decoded once, parameters decoded once).</param>
/// <param name="Root">The public root (scheme, host, path base) the client used, from <see cref="Http.PublicBaseUri"/>.</param>
internal sealed record IiifTarget(ApiVersion Version, string BaseUri, IiifPath Path, string Root);
