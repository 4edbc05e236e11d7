using Iiif.Caching.Derivatives;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Web.Http;

namespace Iiif.Web.Pipeline;

/// <summary>What an image request becomes once the image's facts are known: the plan, its canonical tail
/// (https://iiif.io/api/image/3.0/#47-canonical-uri-syntax), the derivative cache key, the validators and the metadata
/// stored beside the bytes. Valid for the source version it was made from: the facts are those of that version, as the
/// info cache's key says too.</summary>
internal sealed record PlannedImage(
    SourceVersion Source, RenderPlan Plan, string CanonicalTail, DerivativeKey Key, CacheValidators Validators, DerivativeMetadata Metadata);
