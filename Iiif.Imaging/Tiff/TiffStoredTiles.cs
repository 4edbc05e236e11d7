using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>Decides when a request is one stored JPEG tile, whose bytes can then be served as they are: a jpg of the
/// native tile grid at a stored level, not resized, rotated or mirrored, in its own colours: 8-bit YCbCr, RGB or grey JPEG
/// tiles without alpha. An edge tile, padded past the image, is the top-left part of its stored tile, cut losslessly
/// (<see cref="Jpeg.JpegTileCropper"/>).</summary>
internal static class TiffStoredTiles
{
    /// <summary>The level, tile index and the part of the tile the plan asks for as stored, or null when it needs a
    /// render.</summary>
    public static StoredTile? Locate(TiffFacts facts, RenderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(plan);
        var gray = facts.Main.Layout.ColorChannels == 1;
        if (plan.Format != ImageFormat.Jpg || plan.Degrees != 0 || plan.Mirror || plan.NeedsResize
            || !(plan.Quality is ImageQuality.Default or ImageQuality.Color || (gray && plan.Quality == ImageQuality.Gray)))
        {
            return null;
        }

        var level = facts.LevelFor(plan.Reduction.Level);
        var directory = level.Directory;
        if (level.Reduction != plan.Reduction.Level || !directory.IsTiled || directory.Compression != TiffCodes.CompressionJpeg
            || !IsPlainJpeg(directory.Layout))
        {
            return null;
        }

        var divisor = plan.Reduction.Divisor;
        var x = (int)(((long)plan.SourceRegion.X + divisor - 1) / divisor);
        var y = (int)(((long)plan.SourceRegion.Y + divisor - 1) / divisor);
        var (width, height) = (directory.BlockWidth, directory.BlockHeight);
        if (x % width != 0 || y % height != 0 || x >= directory.Width || y >= directory.Height)
        {
            return null;
        }

        var inside = (Width: Math.Min(width, directory.Width - x), Height: Math.Min(height, directory.Height - y));
        return plan.DecodedSize.Width == inside.Width && plan.DecodedSize.Height == inside.Height
            ? new StoredTile(level, ((y / height) * directory.BlocksAcross) + (x / width), inside.Width, inside.Height)
            : null;
    }

    /// <summary>True when the tile's JPEG stream holds exactly the output pixels: YCbCr, RGB or grey, 8 bits, no alpha.</summary>
    public static bool IsPlainJpeg(TiffSampleLayout layout) =>
        layout is { BitsPerSample: 8, IsPlanar: false, HasAlpha: false }
        && (layout.ConvertsJpegToRgb
            || (layout.Photometric == TiffCodes.PhotometricRgb && layout.SamplesPerPixel == 3)
            || (layout.Photometric == TiffCodes.PhotometricMinIsBlack && layout.SamplesPerPixel == 1));
}
