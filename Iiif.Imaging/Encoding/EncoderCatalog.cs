using System.Globalization;
using Iiif.Core.Requests;
using Iiif.Imaging.Jpeg;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Tiff.Constants;
using SixLabors.ImageSharp.Formats.Webp;

namespace Iiif.Imaging.Encoding;

/// <summary>Maps each <see cref="ImageFormat"/> to its encoder, built once from <see cref="EncodingOptions"/>.
/// jp2 is served by the registered <see cref="IJp2OutputEncoder"/>, if any; nothing else stands in for it.</summary>
/// <remarks>jpg goes through TurboJPEG (<see cref="TurboJpegOutputEncoder"/>), the other formats through ImageSharp
/// 2.1.13. ICC profiles: <c>image.Metadata.IccProfile</c> is written into jpg (APP2 segments); ImageSharp's png, gif,
/// webp and tif encoders drop it, so those outputs are untagged (viewers assume sRGB).</remarks>
internal sealed class EncoderCatalog : IEncoderCatalog, IDisposable
{
    private readonly Dictionary<ImageFormat, IOutputEncoder> _encoders;
    private readonly IJp2OutputEncoder? _jp2Encoder;
    private readonly JpegCompressorPool _jpegCompressors = new();

    /// <summary>Creates the catalog. <paramref name="jp2Encoders"/> is what the container holds: empty until the JPEG 2000
    /// encoder is registered; the last registration wins, as with any service.</summary>
    public EncoderCatalog(IOptions<EncodingOptions> options, IEnumerable<IJp2OutputEncoder> jp2Encoders)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(jp2Encoders);
        var settings = options.Value;
        Validate(settings);

        _jp2Encoder = jp2Encoders.LastOrDefault();
        _encoders = new Dictionary<ImageFormat, IOutputEncoder>
        {
            [ImageFormat.Jpg] = new TurboJpegOutputEncoder(new TurboJpegEncoder(
                new JpegEncoderSettings(settings.JpegQuality, settings.JpegProgressive), _jpegCompressors)),
            [ImageFormat.Png] = new ImageSharpOutputEncoder(new PngEncoder
            {
                CompressionLevel = (PngCompressionLevel)settings.PngCompressionLevel,
            }),
            [ImageFormat.Gif] = new ImageSharpOutputEncoder(new GifEncoder()),
            [ImageFormat.Webp] = new ImageSharpOutputEncoder(new WebpEncoder
            {
                FileFormat = settings.WebpLossless ? WebpFileFormatType.Lossless : WebpFileFormatType.Lossy,
                Quality = settings.WebpQuality,
            }),

            // Deflate is lossless and read by every TIFF reader; uncompressed tiles would be several times larger.
            [ImageFormat.Tif] = new ImageSharpOutputEncoder(new TiffEncoder { Compression = TiffCompression.Deflate }),
            [ImageFormat.Pdf] = new PdfOutputEncoder(settings),
        };

        AvailableFormats = ImageFormats.All.Where(IsAvailable).ToArray();
        Fingerprint = FingerprintOf(settings, _jp2Encoder);
    }

    /// <inheritdoc/>
    public string Fingerprint { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ImageFormat> AvailableFormats { get; }

    /// <inheritdoc/>
    public bool IsAvailable(ImageFormat format) =>
        format == ImageFormat.Jp2 ? _jp2Encoder is not null : _encoders.ContainsKey(format);

    /// <inheritdoc/>
    public string MediaType(ImageFormat format) => ImageFormats.MediaType(format);

    /// <inheritdoc/>
    public Task EncodeAsync(Image image, ImageFormat format, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        if (format == ImageFormat.Jp2)
        {
            return _jp2Encoder is { } jp2
                ? jp2.EncodeAsync(image, destination, cancellationToken)
                : throw new NotSupportedException("jp2 output is unavailable: no IJp2OutputEncoder is registered.");
        }

        return _encoders.TryGetValue(format, out var encoder)
            ? encoder.EncodeAsync(image, destination, cancellationToken)
            : throw new NotSupportedException($"No encoder for the format {format}.");
    }

    /// <summary>The encoder for a format other than jp2, for tests that inspect its settings.</summary>
    internal IOutputEncoder EncoderFor(ImageFormat format) => _encoders[format];

    /// <inheritdoc/>
    public void Dispose() => _jpegCompressors.Dispose();

    // Every setting above that changes output bytes, and which jp2 encoder is registered.
    private static string FingerprintOf(EncodingOptions settings, IJp2OutputEncoder? jp2) => string.Create(CultureInfo.InvariantCulture,
        $"{new JpegEncoderSettings(settings.JpegQuality, settings.JpegProgressive).Fingerprint}.p{settings.PngCompressionLevel}.w{settings.WebpQuality}{(settings.WebpLossless ? "l" : string.Empty)}.pdf{settings.PdfDpi}-{settings.PdfJpegQuality}.{jp2?.GetType().Name ?? "nojp2"}");

    private static void Validate(EncodingOptions settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.JpegQuality, 1, nameof(settings.JpegQuality));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.JpegQuality, 100, nameof(settings.JpegQuality));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PngCompressionLevel, 0, nameof(settings.PngCompressionLevel));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.PngCompressionLevel, 9, nameof(settings.PngCompressionLevel));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.WebpQuality, 0, nameof(settings.WebpQuality));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.WebpQuality, 100, nameof(settings.WebpQuality));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PdfDpi, 1, nameof(settings.PdfDpi));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PdfJpegQuality, 1, nameof(settings.PdfJpegQuality));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.PdfJpegQuality, 100, nameof(settings.PdfJpegQuality));
    }
}
