using Iiif.Caching.Derivatives;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Web.Http;

namespace Iiif.Web.Pipeline;

/// <summary>What an image request becomes once the image's facts are known: the plan, its canonical tail
/// (https://iiif.io/api/image/3.0/#47-canonical-uri-syntax), the derivative cache key, the validators and the metadata
/// stored beside the bytes. Valid for the one source version and set of facts it was made from.</summary>
internal sealed record PlannedImage(
    ImageInfo Info, SourceVersion Source, RenderPlan Plan, string CanonicalTail, DerivativeKey Key, CacheValidators Validators,
    DerivativeMetadata Metadata)
{
    public bool IsFor(ImageInfo info, SourceVersion source) => Source == source && (ReferenceEquals(Info, info) || Info == info);
}
