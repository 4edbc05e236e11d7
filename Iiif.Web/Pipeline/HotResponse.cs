using Iiif.Caching.Derivatives;
using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Core.Requests;
using Iiif.Web.Http;

namespace Iiif.Web.Pipeline;

/// <summary>What an image request target was last answered with: enough to answer it again from the memory tier
/// without parsing or planning, once the source is confirmed unchanged.</summary>
internal sealed record HotResponse(
    ImageIdentifier Identifier,
    SourceVersion Source,
    DerivativeKey Key,
    ImageFormat Format,
    string Link,
    string ContentDisposition,
    CacheValidators Validators);
