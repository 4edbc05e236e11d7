using Iiif.Imaging.Encoding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Imaging.Jpeg2000;

/// <summary>Serves <c>.jp2</c> output (Image API 3.0 section 4.5, format jp2): a rendered derivative written as one JP2
/// file. Derivatives are small and read once by a client, not served as tiles again, so the layout favours a compact
/// single-tile file that still carries a few resolution levels for viewers that show a preview first.</summary>
/// <remarks>
/// <para>Small images (at most <see cref="LosslessPixelLimit"/> pixels, e.g. a 256-pixel thumbnail or tile) are written
/// losslessly (5/3): they cost little either way and a client gets exactly the pixels the other formats carry. Larger ones
/// use the irreversible 9/7 wavelet with quality layers at 40:1, 20:1 and 10:1; 10:1 is visually close to the source at a
/// fraction of the lossless size, matching the trade-off jpg output makes at its default quality.</para>
/// <para>Images up to <see cref="SingleTileLimit"/> pixels on each side are one tile (a client decodes the whole
/// derivative anyway, and tile borders would only add bytes); bigger ones use 1024-pixel tiles to bound the encoder's
/// memory. Resolution levels: enough for a smallest level under 256 pixels, and at least <see cref="MinimumResolutions"/>.</para>
/// </remarks>
internal sealed class Jp2OutputEncoder : IJp2OutputEncoder
{
    /// <summary>The largest pixel count written losslessly (256 x 256).</summary>
    public const long LosslessPixelLimit = 256 * 256;

    /// <summary>The longest side written as a single tile.</summary>
    public const int SingleTileLimit = 4096;

    /// <summary>Resolution levels a derivative gets even when it is small: a few halvings for a quick preview.</summary>
    public const int MinimumResolutions = 3;

    private const int LargeTileSize = 1024;

    private static readonly float[] LossyRatios = [40, 20, 10];

    /// <inheritdoc/>
    public async Task EncodeAsync(Image image, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        var encoder = new Jpeg2000Encoder(OptionsFor(image.Width, image.Height));
        var converted = IsSupported(image) ? null : image.CloneAs<Rgba32>();
        try
        {
            var source = converted ?? image;
            if (destination.CanSeek && destination.CanWrite)
            {
                encoder.Encode(source, destination, progress: null, cancellationToken);
                return;
            }

            // The encoder fills in box and marker lengths afterwards, which a response stream cannot take.
            using var buffer = new MemoryStream();
            encoder.Encode(source, buffer, progress: null, cancellationToken);
            buffer.Position = 0;
            await buffer.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            converted?.Dispose();
        }
    }

    /// <summary>The layout written for an image of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    internal static Jpeg2000EncoderOptions OptionsFor(int width, int height)
    {
        var lossless = (long)width * height <= LosslessPixelLimit;
        var tile = Math.Max(width, height) <= SingleTileLimit ? Math.Max(width, height) : LargeTileSize;
        // At least MinimumResolutions even when the image is under 256 pixels, as far as its tile can halve.
        var cap = EncoderGeometry.MaxResolutionsFor(Math.Min(tile, width), Math.Min(tile, height));
        return new Jpeg2000EncoderOptions
        {
            Lossless = lossless,
            CompressionRatios = lossless ? [] : LossyRatios,
            TileSize = tile,
            Resolutions = Math.Min(cap, Math.Max(MinimumResolutions, EncoderGeometry.DefaultResolutions(width, height))),
        };
    }

    private static bool IsSupported(Image image) =>
        image is Image<L8> or Image<La16> or Image<Rgb24> or Image<Rgba32>
            or Image<L16> or Image<La32> or Image<Rgb48> or Image<Rgba64>;
}
