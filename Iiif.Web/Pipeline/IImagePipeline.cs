using Iiif.Caching.Derivatives;
using Iiif.Core.Errors;
using Iiif.Core.Info;
using Iiif.Core.Requests;

namespace Iiif.Web.Pipeline;

/// <summary>The image path without HTTP: what an image or info request does (resolve, identify through the info cache,
/// plan, fetch or render through the derivative cache), for callers that are not a client request: cache warming, the
/// command-line warmer and the static export.</summary>
internal interface IImagePipeline
{
    /// <summary>The facts of <paramref name="identifier"/> (decoded) through the info cache; 404/500 as an error.</summary>
    Task<Result<ImageInfo>> GetInfoAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>The derivative that <c>{identifier}{tail}</c> names, e.g. tail <c>/full/600,/0/default.jpg</c>: parsed,
    /// planned and fetched or rendered exactly as a client request would be, stored as a profile derivative when
    /// <paramref name="isProfile"/>. Errors (400/404/501/500/503) come back as the error, never thrown.</summary>
    Task<Result<CachedDerivative>> GetImageAsync(
        ApiVersion version, string identifier, string tail, bool isProfile, DerivativeCacheMode mode, CancellationToken cancellationToken);
}
