using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Imaging.Decoding;

namespace Iiif.Imaging.Tiff;

/// <summary>What a TIFF's directories say about its first image and the pyramid stored with it, read without decoding
/// any pixel.</summary>
internal sealed record TiffFacts
{
    /// <summary>Full-resolution width.</summary>
    public int Width => Levels[0].Directory.Width;

    /// <summary>Full-resolution height.</summary>
    public int Height => Levels[0].Directory.Height;

    /// <summary>The stored levels, full resolution first, by increasing reduction (at least one).</summary>
    public required IReadOnlyList<TiffLevel> Levels { get; init; }

    /// <summary>Reductions 0 to ResolutionLevels - 1 can be decoded: the stored ones directly, the others by averaging
    /// 2^k x 2^k blocks of the nearest finer stored level while it is read, so memory follows the output size.</summary>
    public required int ResolutionLevels { get; init; }

    /// <summary>True when the file is BigTIFF.</summary>
    public required bool IsBigTiff { get; init; }

    /// <summary>The full-resolution directory.</summary>
    public TiffDirectory Main => Levels[0].Directory;

    /// <summary>The working type every level decodes into.</summary>
    public WorkingPixelType PixelType => Main.Layout.PixelType;

    /// <summary>The ICC profile of the full-resolution image, empty when none.</summary>
    public ReadOnlyMemory<byte> IccProfile => Main.IccProfile;

    /// <summary>The stored level a reduction reads from: the deepest one not deeper than <paramref name="reduction"/>.</summary>
    public TiffLevel LevelFor(int reduction)
    {
        var best = Levels[0];
        foreach (var level in Levels)
        {
            if (level.Reduction <= reduction)
            {
                best = level;
            }
        }

        return best;
    }

    /// <summary>The full image's size at <paramref name="reduction"/>: a stored level's own size, else the size the
    /// averaging of its nearest finer level gives (rounded up, as a partial block still makes a pixel).</summary>
    public PixelSize SizeAt(int reduction)
    {
        var level = LevelFor(reduction);
        var shift = reduction - level.Reduction;
        var divisor = 1L << shift;
        return new PixelSize(
            (int)((level.Directory.Width + divisor - 1) >> shift),
            (int)((level.Directory.Height + divisor - 1) >> shift));
    }

    /// <summary>The facts the IIIF layer needs: the levels' real sizes (so <c>sizes</c> and the planner agree with the
    /// pixels stored), and the full-resolution tile size when the image is tiled (strips have none).</summary>
    public ImageInfo ToImageInfo()
    {
        var tile = Main.IsTiled ? new PixelSize(Main.BlockWidth, Main.BlockHeight) : (PixelSize?)null;
        var sizes = Enumerable.Range(0, ResolutionLevels).Select(SizeAt).ToArray();
        return new ImageInfo(Width, Height, ResolutionLevels, tile, Main.Layout.ColorChannels == 1) { LevelSizes = sizes };
    }
}
