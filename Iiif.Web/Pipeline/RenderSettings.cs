using System.Globalization;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Transforms;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>The settings that change a derivative's bytes for the same canonical request: the encoders and their
/// settings (the catalog's fingerprint: JPEG encoder, quality, subsampling, progressive scans, PNG, WebP and PDF
/// settings), the resampler and the bitonal threshold. They are part of every derivative cache key, so changing them in
/// the configuration, or changing the encoder, never serves images made the old way.</summary>
internal sealed class RenderSettings(IEncoderCatalog encoders, IOptions<TransformOptions> transform)
{
    public string Fingerprint { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{encoders.Fingerprint}.{transform.Value.Resampler.ToString().ToLowerInvariant()}.b{transform.Value.BitonalThreshold}");
}
