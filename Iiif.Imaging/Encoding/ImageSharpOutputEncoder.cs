using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;

namespace Iiif.Imaging.Encoding;

/// <summary>An output format ImageSharp writes itself (jpg, png, gif, webp, tif).</summary>
internal sealed class ImageSharpOutputEncoder(IImageEncoder encoder) : IOutputEncoder
{
    /// <summary>The ImageSharp encoder and its settings; shared across requests, since encoders keep no per-image state.</summary>
    public IImageEncoder Encoder { get; } = encoder;

    /// <inheritdoc/>
    public Task EncodeAsync(Image image, Stream destination, CancellationToken cancellationToken) =>
        image.SaveAsync(destination, Encoder, cancellationToken);
}
