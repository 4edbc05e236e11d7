using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;

namespace Iiif.Imaging.Encoding;

/// <summary>Writes a one-page PDF whose page is the image, with PDFsharp (6.2.x, MIT licensed), in memory only. The image
/// is embedded as a JPEG (DCTDecode), or losslessly when PDFsharp cannot read that JPEG (see <see cref="ImportAsync"/>).</summary>
internal sealed class PdfOutputEncoder : IOutputEncoder
{
    // PDF 1.7 Annex C: viewers need not handle pages larger than 14 400 units (200 inches) on a side.
    private const double MaxPagePoints = 14_400;
    private const double PointsPerInch = 72;

    // Fastest compression: the fallback is only taken for tiny images, where time matters more than bytes.
    private static readonly PngEncoder LosslessEncoder = new() { CompressionLevel = PngCompressionLevel.BestSpeed };

    private readonly JpegEncoder _jpegEncoder;
    private readonly int _dpi;

    /// <summary>Creates the encoder from the PDF settings of <paramref name="options"/>.</summary>
    public PdfOutputEncoder(EncodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _jpegEncoder = new JpegEncoder { Quality = options.PdfJpegQuality };
        _dpi = options.PdfDpi;
    }

    /// <inheritdoc/>
    public async Task EncodeAsync(Image image, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var document = new PdfDocument();
        using (var xImage = await ImportAsync(image, cancellationToken).ConfigureAwait(false))
        {
            var (width, height) = PageSize(image.Width, image.Height);
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(width);
            page.Height = XUnit.FromPoint(height);
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawImage(xImage, 0, 0, width, height);
        }

        await document.SaveAsync(destination, closeStream: false).ConfigureAwait(false);
    }

    /// <summary>The image as PDFsharp's XImage: a JPEG passed through unchanged as a DCTDecode XObject, or, when
    /// PDFsharp refuses that JPEG, a PNG that it embeds as Flate-compressed pixels. PDFsharp 6.2 finds the JPEG's size
    /// and colour space by walking its markers and keeps walking into the compressed data after the scan header;
    /// when that data starts with 0xFF (some one-pixel gray images) the walk runs past the end of a small file and
    /// the JPEG is reported as an "Unsupported image format".</summary>
    private async Task<XImage> ImportAsync(Image image, CancellationToken cancellationToken)
    {
        // PDFsharp reads the embedded image from a stream, so it is built once in memory; PDF output is rare, so this one
        // buffer is not pooled. PDFsharp copies what it needs, so the stream may go once the XImage exists.
        using var jpeg = new MemoryStream();
        await image.SaveAsync(jpeg, _jpegEncoder, cancellationToken).ConfigureAwait(false);
        jpeg.Position = 0;
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return XImage.FromStream(jpeg);
        }
        catch (InvalidOperationException)
        {
            using var lossless = new MemoryStream();
            await image.SaveAsync(lossless, LosslessEncoder, cancellationToken).ConfigureAwait(false);
            lossless.Position = 0;
            return XImage.FromStream(lossless);
        }
    }

    /// <summary>The page size in points: the pixels at the configured resolution, raised if needed so that the longer
    /// side stays within the PDF page limit.</summary>
    internal (double Width, double Height) PageSize(int pixelWidth, int pixelHeight)
    {
        var pointsPerPixel = PointsPerInch / _dpi;
        var longest = Math.Max(pixelWidth, pixelHeight) * pointsPerPixel;
        if (longest > MaxPagePoints)
        {
            pointsPerPixel *= MaxPagePoints / longest;
        }

        return (pixelWidth * pointsPerPixel, pixelHeight * pointsPerPixel);
    }
}
