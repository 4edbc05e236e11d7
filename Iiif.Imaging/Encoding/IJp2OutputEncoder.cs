using SixLabors.ImageSharp;

namespace Iiif.Imaging.Encoding;

/// <summary>Writes JPEG 2000 (a JP2 file, <c>image/jp2</c>). The extension point for jp2 output: the encoder catalog
/// offers jp2 only once an implementation is registered, and until then reports it unavailable.</summary>
public interface IJp2OutputEncoder
{
    /// <summary>Encodes <paramref name="image"/> (L8, La16, Rgb24 or Rgba32; opaque, since jp2 corners are flattened onto
    /// white) as a JP2 file into <paramref name="destination"/>, which the caller owns and leaves open.</summary>
    Task EncodeAsync(Image image, Stream destination, CancellationToken cancellationToken);
}
