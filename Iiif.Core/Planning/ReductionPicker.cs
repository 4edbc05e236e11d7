using Iiif.Core.Geometry;
using Iiif.Core.Info;

namespace Iiif.Core.Planning;

/// <summary>Chooses the resolution level to decode at (https://iiif.io/api/image/3.0/#46-order-of-implementation: servers may decode at a reduced resolution as long as
/// the result looks the same).</summary>
internal static class ReductionPicker
{
    // ReductionFactor.Divisor is 1 << Level in an int; level 30 is the deepest that cannot overflow (and far beyond any
    // real pyramid: JPEG 2000 allows 32 decomposition levels, but 2^30 px is past any image we can address).
    private const int DeepestSafeLevel = 30;

    /// <summary>The deepest level r in [0, levels - 1] at which the region, decoded at the source's level sizes
    /// (<see cref="ImageInfo.ReducedSize"/>), is still at least <paramref name="scaled"/> on both sides, so the decoded
    /// pixels are only ever scaled down afterwards. Level 0 when even full resolution is smaller (an upscale).</summary>
    public static ReductionFactor Pick(PixelRect region, PixelSize scaled, ImageInfo info)
    {
        var deepest = Math.Min(info.ResolutionLevels - 1, DeepestSafeLevel);
        var best = ReductionFactor.None;
        for (var level = 1; level <= deepest; level++)
        {
            var candidate = new ReductionFactor(level);
            var reduced = info.ReducedSize(region, candidate);

            // The reduced size only shrinks as the level deepens, so the first level that is too small ends the search.
            if (reduced.Width < Math.Max(1, scaled.Width) || reduced.Height < Math.Max(1, scaled.Height))
            {
                break;
            }

            best = candidate;
        }

        return best;
    }
}
