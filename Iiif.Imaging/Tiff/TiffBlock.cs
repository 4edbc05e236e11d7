using SixLabors.ImageSharp;

namespace Iiif.Imaging.Tiff;

/// <summary>A decoded block lent to the region reader: either a cache lease or an image decoded for this request alone.
/// Disposing ends the lease or frees the image. The image is read-only either way.</summary>
internal readonly struct TiffBlock(Image image, IDisposable owner) : IDisposable
{
    /// <summary>The block's pixels, clipped to the level.</summary>
    public Image Image { get; } = image;

    /// <inheritdoc/>
    public void Dispose() => owner.Dispose();
}
