using Iiif.Core.Requests;
using F = Iiif.Core.Info.FeatureNames;

namespace Iiif.Core.Info;

/// <summary>The level documents <c>http://iiif.io/api/image/{2,3}/level{0,1,2}.json</c> as tables (https://iiif.io/api/image/3.0/compliance/). Each level
/// includes the one below; the extras a server declares are whatever it implements beyond its level.</summary>
internal static class ComplianceLevels
{
    public static ComplianceLevel V2Level0 { get; } = new(["jpg"], ["default"], [F.SizeByWhListed]);

    public static ComplianceLevel V2Level1 { get; } = new(
        V2Level0.Formats,
        V2Level0.Qualities,
        [.. V2Level0.Features, F.BaseUriRedirect, F.Cors, F.JsonLdMediaType, F.RegionByPx, F.SizeByH, F.SizeByPct, F.SizeByW]);

    // 2.1 level 2 lists bitonal but not color/gray: those are required only "where meaningful for the image", so a
    // server must still declare them per image.
    public static ComplianceLevel V2Level2 { get; } = new(
        ["jpg", "png"],
        ["default", "bitonal"],
        [.. V2Level1.Features, F.RegionByPct, F.RotationBy90s, F.SizeByConfinedWh, F.SizeByDistortedWh, F.SizeByForcedWh, F.SizeByWh]);

    public static ComplianceLevel V3Level0 { get; } = new(["jpg"], ["default"], []);

    public static ComplianceLevel V3Level1 { get; } = new(
        V3Level0.Formats,
        V3Level0.Qualities,
        [F.BaseUriRedirect, F.Cors, F.JsonLdMediaType, F.RegionByPx, F.RegionSquare, F.SizeByH, F.SizeByW, F.SizeByWh]);

    // 3.0 level 2 requires only default; color, gray and bitonal are all extraQualities.
    public static ComplianceLevel V3Level2 { get; } = new(
        ["jpg", "png"],
        ["default"],
        [.. V3Level1.Features, F.RegionByPct, F.RotationBy90s, F.SizeByConfinedWh, F.SizeByPct]);

    /// <summary>The level this server claims for a version.</summary>
    public static ComplianceLevel Level2(ApiVersion version) => version switch
    {
        ApiVersion.V2 => V2Level2,
        ApiVersion.V3 => V3Level2,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown API version."),
    };
}
