using System.Globalization;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Transforms;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>The settings that change a derivative's bytes for the same canonical request (encoder qualities, the
/// resampler, the bitonal threshold). They are part of every derivative cache key, so changing them in the configuration
/// never serves images made with the old values.</summary>
internal sealed class RenderSettings(IOptions<EncodingOptions> encoding, IOptions<TransformOptions> transform)
{
    public string Fingerprint { get; } = string.Create(CultureInfo.InvariantCulture,
        $"q{encoding.Value.JpegQuality}.p{encoding.Value.PngCompressionLevel}.w{encoding.Value.WebpQuality}{(encoding.Value.WebpLossless ? "l" : "")}.{transform.Value.Resampler.ToString().ToLowerInvariant()}.b{transform.Value.BitonalThreshold}.pdf{encoding.Value.PdfDpi}q{encoding.Value.PdfJpegQuality}");
}
