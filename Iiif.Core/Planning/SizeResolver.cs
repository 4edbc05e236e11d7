using Iiif.Core.Errors;
using Iiif.Core.Geometry;
using Iiif.Core.Requests;

namespace Iiif.Core.Planning;

/// <summary>The size step (https://iiif.io/api/image/3.0/#42-size): the version's rules plus the two maxima the canonical form needs.</summary>
internal static class SizeResolver
{
    /// <summary>Resolves <paramref name="size"/> against a region of <paramref name="region"/> pixels.</summary>
    public static Result<SizeDecision> Resolve(ApiVersion version, SizeParameter size, PixelSize region, ServerLimits limits)
    {
        var max = MaxSizes.Max(region, limits);
        var upscaledMax = MaxSizes.UpscaledMax(region, limits, max);
        var scaled = version == ApiVersion.V3
            ? SizeRulesV3.Resolve(size, region, limits, max, upscaledMax)
            : SizeRulesV2.Resolve(size, region, limits, max);
        if (!scaled.IsSuccess)
        {
            return scaled.Error;
        }

        return new SizeDecision(scaled.Value, max, upscaledMax ?? max);
    }
}
