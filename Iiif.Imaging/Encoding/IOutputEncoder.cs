using SixLabors.ImageSharp;

namespace Iiif.Imaging.Encoding;

/// <summary>Writes one output format.</summary>
internal interface IOutputEncoder
{
    /// <summary>Encodes <paramref name="image"/> into <paramref name="destination"/>, leaving the stream open.</summary>
    Task EncodeAsync(Image image, Stream destination, CancellationToken cancellationToken);
}
