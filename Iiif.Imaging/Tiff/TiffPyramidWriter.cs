using Iiif.Imaging.Decoding;
using Iiif.Imaging.Tiff.Native;
using SixLabors.ImageSharp;

namespace Iiif.Imaging.Tiff;

/// <summary>Writes an image as a tiled pyramidal TIFF through libtiff, the layout IIIF servers read fastest: the full
/// image, then reduced-resolution directories (NewSubfileType 1) chained after it, each half the size of the one before
/// (rounded up), down to the first under 256 pixels on its longest side. BigTIFF when the pixels exceed 2 GiB.</summary>
/// <remarks>Colour JPEG tiles are YCbCr 4:2:0 (libjpeg converts), grey ones one component; Deflate tiles use horizontal
/// prediction and keep 16-bit samples and alpha (unassociated). The ICC profile goes into the full-resolution directory.
/// Thread-safe: each call opens its own file.</remarks>
public sealed class TiffPyramidWriter
{
    /// <summary>Levels are added until the longest side is under this many pixels.</summary>
    private const int SmallestLevelSide = 256;

    private readonly TiffPyramidWriterOptions _options;
    private readonly Configuration _configuration;

    /// <summary>A writer with <paramref name="options"/>, halving with <paramref name="configuration"/>'s memory.</summary>
    public TiffPyramidWriter(TiffPyramidWriterOptions options, Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (options.TileSize is not (256 or 512))
        {
            throw new ArgumentException($"The tile size must be 256 or 512, not {options.TileSize}.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.JpegQuality, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.JpegQuality, 100, nameof(options));
        _options = options;
        _configuration = configuration;
    }

    /// <summary>The compression <paramref name="image"/> is written with: the configured one, except Deflate for alpha or
    /// 16-bit samples, which JPEG cannot hold.</summary>
    public TiffTileCompression CompressionFor(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return PixelRows.HasAlpha(image) || PixelRows.IsDeep(image) ? TiffTileCompression.Deflate : _options.Compression;
    }

    /// <summary>The number of tiles all levels of a <paramref name="width"/> x <paramref name="height"/> image take.</summary>
    public int TileCount(int width, int height) => LevelSizes(width, height).Sum(s => Tiles(s.Width) * Tiles(s.Height));

    /// <summary>Writes <paramref name="image"/> (one of the working pixel types or their 16-bit forms) to a new file at
    /// <paramref name="path"/>, replaced if it exists.</summary>
    /// <exception cref="IOException">libtiff could not create or write the file (its reason in the message).</exception>
    public void Write(Image image, string path, IProgress<TiffWriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        _ = PixelRows.Channels(image); // refuses pixel types the writer cannot store, before the file exists
        var total = TileCount(image.Width, image.Height);
        var bigTiff = LevelSizes(image.Width, image.Height).Sum(s => (long)s.Width * s.Height) * PixelRows.BytesPerPixel(image) > int.MaxValue;
        var written = 0;
        using var tif = TiffHandle.CreateFile(path, bigTiff);
        var level = image;
        try
        {
            for (var index = 0; ; index++)
            {
                var tiles = new TiffTileWriter(tif, level, index > 0, CompressionFor(image), _options);
                tiles.WriteDirectory(index == 0 ? image.Metadata.IccProfile?.ToByteArray() : null, () =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new TiffWriteProgress(++written, total));
                });
                if (Math.Max(level.Width, level.Height) < SmallestLevelSide)
                {
                    break;
                }

                var next = PixelHalver.Halve(level, _configuration);
                if (!ReferenceEquals(level, image))
                {
                    level.Dispose();
                }

                level = next;
            }
        }
        finally
        {
            if (!ReferenceEquals(level, image))
            {
                level.Dispose();
            }
        }
    }

    private int Tiles(int side) => (side + _options.TileSize - 1) / _options.TileSize;

    private static List<(int Width, int Height)> LevelSizes(int width, int height)
    {
        var sizes = new List<(int, int)> { (width, height) };
        while (Math.Max(width, height) >= SmallestLevelSide)
        {
            (width, height) = ((width + 1) / 2, (height + 1) / 2);
            sizes.Add((width, height));
        }

        return sizes;
    }
}
