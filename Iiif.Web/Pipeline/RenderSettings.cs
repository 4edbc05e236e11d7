using System.Globalization;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Tiff;
using Iiif.Imaging.Transforms;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>The settings that change a derivative's bytes for the same canonical request: the encoders and their
/// settings (the catalog's fingerprint: JPEG encoder, quality, subsampling, progressive scans, PNG, WebP and PDF
/// settings), the resampler, the bitonal threshold and whether stored TIFF tiles are served as stored. They are part of
/// every derivative cache key, so changing them in the configuration, or changing the encoder, never serves images made
/// the old way.</summary>
internal sealed class RenderSettings(IEncoderCatalog encoders, IOptions<TransformOptions> transform, IOptions<TiffSourceDecoderOptions> tiff)
{
    public string Fingerprint { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{encoders.Fingerprint}.{transform.Value.Resampler.ToString().ToLowerInvariant()}.b{transform.Value.BitonalThreshold}{(tiff.Value.StoredTilePassthrough ? ".st" : string.Empty)}");
}
