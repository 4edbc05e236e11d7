using System.Globalization;
using Iiif.Core.Errors;
using Iiif.Core.Geometry;

namespace Iiif.Core.Planning;

/// <summary>The checks every explicitly sized result passes (https://iiif.io/api/image/3.0/#42-size, https://iiif.io/api/image/3.0/#73-error-conditions). Each returns null when the size is fine.</summary>
internal static class SizeChecks
{
    private const string Parameter = "size";

    /// <summary>https://iiif.io/api/image/3.0/#42-size: a width or height below 1 px is a 400; so is a side no <see cref="PixelSize"/> can hold.</summary>
    public static IiifError? Representable(LongSize size)
    {
        if (size.Width < 1 || size.Height < 1)
        {
            return Bad($"the size computes to {size.Width}x{size.Height} pixels; both sides must be at least 1");
        }

        if (size.Width > SizeMath.MaxSide || size.Height > SizeMath.MaxSide)
        {
            return Bad("the size computes to more pixels than the server can represent");
        }

        return null;
    }

    /// <summary>With MaxUpscaleFactor set, no side may exceed factor times the region's side.</summary>
    public static IiifError? UpscaleFactor(LongSize size, PixelSize region, ServerLimits limits)
    {
        if (limits.MaxUpscaleFactor is not { } factor)
        {
            return null;
        }

        if (size.Width > SizeMath.FactorCap(region.Width, factor) || size.Height > SizeMath.FactorCap(region.Height, factor))
        {
            return Bad(Invariant($"{size.Width}x{size.Height} is more than {factor} times the region ({region.Width}x{region.Height}), the server's upscaling limit"));
        }

        return null;
    }

    /// <summary>https://iiif.io/api/image/3.0/#42-size, https://iiif.io/api/image/3.0/implementation/#4-maximum-size-calculation: a result beyond maxWidth, maxHeight or maxArea is a 400 naming the limit.</summary>
    public static IiifError? Limits(LongSize size, ServerLimits limits)
    {
        if (limits.MaxWidth is { } maxWidth && size.Width > maxWidth)
        {
            return Bad(Invariant($"width {size.Width} exceeds the server's maxWidth of {maxWidth}"));
        }

        if (limits.EffectiveMaxHeight is { } maxHeight && size.Height > maxHeight)
        {
            return Bad(Invariant($"height {size.Height} exceeds the server's maxHeight of {maxHeight}"));
        }

        if (limits.MaxArea is { } maxArea && size.Area > maxArea)
        {
            return Bad(Invariant($"{size.Width}x{size.Height} has more pixels than the server's maxArea of {maxArea}"));
        }

        return null;
    }

    /// <summary>A 400 about the size parameter.</summary>
    public static IiifError Bad(string message) => IiifError.BadRequest(Parameter, message);

    /// <summary>A 501 about the size parameter.</summary>
    public static IiifError NotImplemented(string message) => IiifError.NotImplemented(Parameter, message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
