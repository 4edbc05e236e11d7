using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace Iiif.Imaging.Encoding;

/// <summary>Writes a one-page PDF whose page is the image, with PDFsharp (6.2.x, MIT licensed), in memory only.</summary>
internal sealed class PdfOutputEncoder : IOutputEncoder
{
    // PDF 1.7 Annex C: viewers need not handle pages larger than 14 400 units (200 inches) on a side.
    private const double MaxPagePoints = 14_400;
    private const double PointsPerInch = 72;

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
        // PDFsharp reads the embedded image from a stream, so the JPEG is built once in memory and passed through
        // unchanged as a DCTDecode XObject; PDF output is rare, so this one buffer is not pooled.
        using var jpeg = new MemoryStream();
        await image.SaveAsync(jpeg, _jpegEncoder, cancellationToken).ConfigureAwait(false);
        jpeg.Position = 0;
        cancellationToken.ThrowIfCancellationRequested();

        using var document = new PdfDocument();
        using (var xImage = XImage.FromStream(jpeg))
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
