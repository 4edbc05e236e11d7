using Iiif.Core.Errors;
using Iiif.Core.Geometry;
using Iiif.Core.Requests;

namespace Iiif.Core.Planning;

/// <summary>The Image API 2.1 size rules (https://iiif.io/api/image/2.1/#42-size). Upscaling is implicit: any form may exceed the region when the
/// server offers <c>sizeAboveFull</c> (<see cref="ServerLimits.AllowUpscaling"/>); otherwise such a request is a 400.
/// The 3.0 <c>^</c> flag is meaningless in 2.1 and ignored.</summary>
internal static class SizeRulesV2
{
    /// <summary>The scaled size, or the 400 that refuses it.</summary>
    public static Result<PixelSize> Resolve(SizeParameter size, PixelSize region, ServerLimits limits, PixelSize max) => size.Kind switch
    {
        SizeKind.Full => Explicit(LongSize.From(region), region, limits),
        SizeKind.Max => max,
        SizeKind.Width => Explicit(SizeForms.ByWidth(size.Width, region), region, limits),
        SizeKind.Height => Explicit(SizeForms.ByHeight(size.Height, region), region, limits),
        SizeKind.Percent => Explicit(SizeForms.ByPercent(size.Percent, region), region, limits),
        SizeKind.Exact => Explicit(SizeForms.Exact(size.Width, size.Height), region, limits),
        SizeKind.BestFit => BestFit(size, region, limits),
        _ => SizeChecks.Bad("unknown size form"),
    };

    private static Result<PixelSize> Explicit(LongSize size, PixelSize region, ServerLimits limits)
    {
        var error = SizeChecks.Representable(size)
            ?? (size.IsLargerThan(region) ? Upscaling(size, region, limits) : null)
            ?? SizeChecks.Limits(size, limits);
        return error is { } e ? e : size.ToPixelSize();
    }

    // https://iiif.io/api/image/2.1/#42-size: scaling above the region is the optional sizeAboveFull feature; without it we answer 400 (ours).
    private static IiifError? Upscaling(LongSize size, PixelSize region, ServerLimits limits) => limits.AllowUpscaling
        ? SizeChecks.UpscaleFactor(size, region, limits)
        : SizeChecks.Bad("sizes larger than the region are not supported (sizeAboveFull)");

    // https://iiif.io/api/image/2.1/#42-size: when the box is larger than the region and upscaling is off, return the region unscaled (IIIF/api
    // issue 752); with upscaling on, the fit may grow up to the upscale factor and the limits.
    private static Result<PixelSize> BestFit(SizeParameter size, PixelSize region, ServerLimits limits)
    {
        var box = BestFitSizes.Box(size.Width, size.Height);
        if (SizeChecks.Representable(box) is { } invalidBox)
        {
            return invalidBox;
        }

        var fit = BestFitSizes.Within(region, box.Width, box.Height, limits);
        if (fit.IsLargerThan(region))
        {
            fit = limits.AllowUpscaling
                ? BestFitSizes.FactorCapped(region, box.Width, box.Height, limits)
                : BestFitSizes.RegionCapped(region, box.Width, box.Height, limits);
        }

        return SizeChecks.Representable(fit) is { } error ? error : fit.ToPixelSize();
    }
}
