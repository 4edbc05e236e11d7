using Iiif.Core.Requests;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Encoding;

/// <summary>The output formats this server can write and how to write them (https://iiif.io/api/image/3.0/#45-format).</summary>
public interface IEncoderCatalog
{
    /// <summary>The formats that can be encoded now, in <see cref="ImageFormats.All"/> order (for info.json
    /// <c>extraFormats</c> and for refusing a request before any pixel is decoded).</summary>
    IReadOnlyList<ImageFormat> AvailableFormats { get; }

    /// <summary>True when <paramref name="format"/> can be encoded now; jp2 only once an <see cref="IJp2OutputEncoder"/>
    /// is registered.</summary>
    bool IsAvailable(ImageFormat format);

    /// <summary>Names the encoders and every setting that changes their output (JPEG encoder, quality, subsampling,
    /// progressive scans, PNG and WebP settings...), so derivative cache keys change whenever the bytes rendered for the
    /// same request could.</summary>
    string Fingerprint { get; }

    /// <summary>The Content-Type the spec lists for <paramref name="format"/>.</summary>
    string MediaType(ImageFormat format);

    /// <summary>Encodes <paramref name="image"/> as <paramref name="format"/> into <paramref name="destination"/>, which
    /// the caller owns and which is left open. Give a seekable stream (a pooled memory stream): ImageSharp then writes
    /// into it directly instead of through an intermediate buffer.</summary>
    /// <exception cref="NotSupportedException">The format is not available (see <see cref="IsAvailable"/>).</exception>
    Task EncodeAsync(Image image, ImageFormat format, Stream destination, CancellationToken cancellationToken);
}
