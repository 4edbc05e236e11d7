using System.Globalization;
using Iiif.Core.Requests;

namespace Iiif.Core.Planning;

/// <summary>The canonical form of a planned request (https://iiif.io/api/image/3.0/#48-canonical-uri-syntax), for the <c>rel="canonical"</c> Link header and cache keys.
/// Equivalent requests (e.g. on 1000x800: <c>full/600,</c>, <c>full/pct:60</c>, <c>full/!600,600</c>,
/// <c>0,0,1000,800/600,480</c>) give one string, and planning that string again gives the same plan.</summary>
public static class CanonicalImageRequest
{
    // Decimal holds at most 28 fractional digits; '#' drops trailing zeros and the leading '0' keeps "0.5" (https://iiif.io/api/image/3.0/#47-floating-point-values).
    private const string DegreesFormat = "0.############################";

    /// <summary>The canonical path tail <c>{region}/{size}/{rotation}/{quality}.{format}</c>, without identifier or leading
    /// slash, for the plan's API version.</summary>
    public static string Format(RenderPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rect = plan.SourceRegion;
        var region = plan.IsFullRegion ? "full" : Invariant($"{rect.X},{rect.Y},{rect.Width},{rect.Height}");
        var size = plan.Request.Version == ApiVersion.V3 ? SizeV3(plan) : SizeV2(plan);
        var rotation = (plan.Mirror ? "!" : string.Empty) + plan.Degrees.ToString(DegreesFormat, CultureInfo.InvariantCulture);
        var quality = ImageQualities.Token(plan.Quality);
        var format = ImageFormats.Extension(plan.Format);
        return $"{region}/{size}/{rotation}/{quality}.{format}";
    }

    /// <summary>The full canonical URI: <paramref name="baseUri"/> (scheme, server, prefix and encoded identifier; a trailing
    /// slash is ignored), a slash, then <see cref="Format(RenderPlan)"/>.</summary>
    public static string Format(RenderPlan plan, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        return baseUri.TrimEnd('/') + "/" + Format(plan);
    }

    // 2.1: full when unscaled; w, when w, alone reproduces the planned height; else w,h (the distorting form). A size equal
    // to max is therefore full or w, whenever w, can express it.
    private static string SizeV2(RenderPlan plan)
    {
        var region = plan.SourceRegion.Size;
        var scaled = plan.ScaledSize;
        if (scaled == region)
        {
            return "full";
        }

        return SizeMath.HeightForWidth(scaled.Width, region) == scaled.Height
            ? Invariant($"{scaled.Width},")
            : Invariant($"{scaled.Width},{scaled.Height}");
    }

    // 3.0: max for the unscaled maximum, ^max for the upscaled maximum, else w,h, with ^ when upscaling.
    private static string SizeV3(RenderPlan plan)
    {
        var scaled = plan.ScaledSize;
        if (!plan.IsUpscaled && scaled == plan.MaxSize)
        {
            return "max";
        }

        if (plan.IsUpscaled && scaled == plan.UpscaledMaxSize)
        {
            return "^max";
        }

        var prefix = plan.IsUpscaled ? "^" : string.Empty;
        return prefix + Invariant($"{scaled.Width},{scaled.Height}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
