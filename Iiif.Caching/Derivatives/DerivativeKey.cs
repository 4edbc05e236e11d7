using Iiif.Core.Info;

namespace Iiif.Caching.Derivatives;

/// <summary>What identifies one cached derivative: the image, the version of its source (so a replaced source never
/// serves stale pixels) and a request string the host builds from the canonical request (so equivalent URLs share one
/// entry) plus anything else that changes the bytes (API version, encoder settings).</summary>
/// <param name="Identifier">The decoded IIIF identifier.</param>
/// <param name="Source">The source version the derivative is rendered from.</param>
/// <param name="Request">The canonical request and render settings, e.g. <c>3/full/600,400/0/default.jpg|q85</c>.</param>
public readonly record struct DerivativeKey(string Identifier, SourceVersion Source, string Request);
