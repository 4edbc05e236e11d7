using Iiif.Imaging.Encoding;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>The settings that change a derivative's bytes for the same canonical request: the encoders and their
/// settings (the catalog's fingerprint: JPEG encoder, quality, subsampling, progressive scans, PNG and WebP settings)
/// and the resampler. They are part of every derivative cache key, so changing them in the configuration, or changing
/// the encoder, never serves images made the old way.</summary>
internal sealed class RenderSettings(IEncoderCatalog encoders, IOptions<ImagingOptions> imaging)
{
    public string Fingerprint { get; } = $"{encoders.Fingerprint}.{imaging.Value.Resampler}";
}
