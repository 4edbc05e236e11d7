using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging.Tiff.Native;

namespace Iiif.Imaging.Tiff;

/// <summary>Decides when a request is exactly one stored JPEG tile, whose bytes can then be served as they are: a jpg of
/// the native tile grid at a stored level, whole (not an edge tile padded past the image), not resized, rotated or
/// mirrored, in its own colours: 8-bit YCbCr, RGB or grey JPEG tiles without alpha.</summary>
internal static class TiffStoredTiles
{
    /// <summary>The level and tile index the plan asks for as stored, or null when it needs a render.</summary>
    public static (TiffLevel Level, int Index)? Locate(TiffFacts facts, RenderPlan plan)
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
        var whole = x % width == 0 && y % height == 0 && plan.DecodedSize.Width == width && plan.DecodedSize.Height == height
            && x + width <= directory.Width && y + height <= directory.Height;
        return whole ? (level, ((y / height) * directory.BlocksAcross) + (x / width)) : null;
    }

    /// <summary>True when the tile's JPEG stream holds exactly the output pixels: YCbCr, RGB or grey, 8 bits, no alpha.</summary>
    public static bool IsPlainJpeg(TiffSampleLayout layout) =>
        layout is { BitsPerSample: 8, IsPlanar: false, HasAlpha: false }
        && (layout.ConvertsJpegToRgb
            || (layout.Photometric == TiffCodes.PhotometricRgb && layout.SamplesPerPixel == 3)
            || (layout.Photometric == TiffCodes.PhotometricMinIsBlack && layout.SamplesPerPixel == 1));
}
