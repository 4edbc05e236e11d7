using System.Globalization;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>The settings that change a derivative's bytes for the same canonical request (encoder qualities, the
/// resampler). They are part of every derivative cache key, so changing them in the configuration never serves images
/// made with the old values.</summary>
internal sealed class RenderSettings(IOptions<ImagingOptions> imaging)
{
    public string Fingerprint { get; } = string.Create(CultureInfo.InvariantCulture,
        $"q{imaging.Value.JpegQuality}.p{imaging.Value.PngCompressionLevel}.w{imaging.Value.WebpQuality}.{imaging.Value.Resampler}");
}
