using Iiif.Caching.Derivatives;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging.Sources;

namespace Iiif.Web.Pipeline;

/// <summary>An image request that passed every check before rendering: the resolved source, the plan, its canonical
/// tail (digest §4) and the derivative cache key built from them.</summary>
internal sealed record PreparedImage(ApiVersion Version, ImageSourceHandle Handle, RenderPlan Plan, string CanonicalTail, DerivativeKey Key)
{
    public string Identifier => Handle.Identifier.Value;
}
