using Iiif.Core.Planning;
using Iiif.Core.Requests;
using F = Iiif.Core.Info.FeatureNames;

namespace Iiif.Core.Info;

/// <summary>What this server implements, per API version, and therefore what info.json declares beyond level 2. The extras
/// are computed as "implemented minus the level document" (https://iiif.io/api/image/2.1/#52-technical-properties, https://iiif.io/api/image/3.0/#52-technical-properties, https://iiif.io/api/image/3.0/compliance/), so they cannot claim less than the level
/// or list what the level already includes.</summary>
public static class ImageFeatures
{
    // Beyond level 2 in both versions. regionSquare is optional at 2.1 level 2 and already part of 3.0 level 1.
    private static readonly string[] BeyondLevel2 =
        [F.CanonicalLinkHeader, F.Mirroring, F.ProfileLinkHeader, F.RegionSquare, F.RotationArbitrary];

    /// <summary>Every feature name the server implements under <paramref name="version"/> with these limits, sorted ordinally.
    /// Upscaling adds <c>sizeAboveFull</c> (2.1) or <c>sizeUpscaling</c> (3.0).</summary>
    public static IReadOnlyList<string> Features(ApiVersion version, ServerLimits limits)
    {
        var features = new SortedSet<string>(ComplianceLevels.Level2(version).Features, StringComparer.Ordinal);
        features.UnionWith(BeyondLevel2);
        if (limits.AllowUpscaling)
        {
            features.Add(version == ApiVersion.V2 ? F.SizeAboveFull : F.SizeUpscaling);
        }

        return [.. features];
    }

    /// <summary>2.1 <c>supports</c> / 3.0 <c>extraFeatures</c>: implemented features the level 2 document does not include,
    /// sorted ordinally.</summary>
    public static IReadOnlyList<string> ExtraFeatures(ApiVersion version, ServerLimits limits)
    {
        var level = ComplianceLevels.Level2(version).Features;
        return [.. Features(version, limits).Where(f => !level.Contains(f, StringComparer.Ordinal))];
    }

    /// <summary>Quality tokens the server advertises for this image, in <see cref="ImageQualities.All"/> order. <c>color</c>
    /// is left out for grayscale sources: it is still served (3.0 forbids an error), but adds nothing (https://iiif.io/api/image/3.0/compliance/, "where
    /// meaningful for the image").</summary>
    public static IReadOnlyList<string> Qualities(ImageInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return [.. ImageQualities.All
            .Where(q => q != ImageQuality.Color || !info.IsGrayscale)
            .Select(ImageQualities.Token)];
    }

    /// <summary>2.1 <c>qualities</c> / 3.0 <c>extraQualities</c>: advertised qualities beyond the level 2 document.</summary>
    public static IReadOnlyList<string> ExtraQualities(ApiVersion version, ImageInfo info)
    {
        var level = ComplianceLevels.Level2(version).Qualities;
        return [.. Qualities(info).Where(q => !level.Contains(q, StringComparer.Ordinal))];
    }

    /// <summary>2.1 <c>formats</c> / 3.0 <c>extraFormats</c>: every format of <see cref="ImageFormats.All"/> beyond level 2
    /// (jpg and png in both versions), in that order.</summary>
    public static IReadOnlyList<string> ExtraFormats(ApiVersion version)
    {
        var level = ComplianceLevels.Level2(version).Formats;
        return [.. ImageFormats.All.Select(ImageFormats.Extension).Where(f => !level.Contains(f, StringComparer.Ordinal))];
    }
}
