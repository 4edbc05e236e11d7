namespace Iiif.Core.Info;

/// <summary>The feature names of <c>supports</c> (2.1) and <c>extraFeatures</c> (3.0), https://iiif.io/api/image/3.0/#57-extra-functionality.</summary>
public static class FeatureNames
{
    /// <summary>The base URI redirects to info.json.</summary>
    public const string BaseUriRedirect = "baseUriRedirect";

    /// <summary>A <c>rel="canonical"</c> Link header on image responses.</summary>
    public const string CanonicalLinkHeader = "canonicalLinkHeader";

    /// <summary>CORS headers on all responses.</summary>
    public const string Cors = "cors";

    /// <summary>The JSON-LD media type when asked for.</summary>
    public const string JsonLdMediaType = "jsonldMediaType";

    /// <summary>The <c>!n</c> rotation.</summary>
    public const string Mirroring = "mirroring";

    /// <summary>A <c>rel="profile"</c> Link header on image responses.</summary>
    public const string ProfileLinkHeader = "profileLinkHeader";

    /// <summary>The <c>pct:x,y,w,h</c> region.</summary>
    public const string RegionByPct = "regionByPct";

    /// <summary>The <c>x,y,w,h</c> region.</summary>
    public const string RegionByPx = "regionByPx";

    /// <summary>The <c>square</c> region.</summary>
    public const string RegionSquare = "regionSquare";

    /// <summary>Angles other than multiples of 90.</summary>
    public const string RotationArbitrary = "rotationArbitrary";

    /// <summary>Rotations by 90, 180 and 270.</summary>
    public const string RotationBy90s = "rotationBy90s";

    /// <summary>2.1 only: sizes larger than the region.</summary>
    public const string SizeAboveFull = "sizeAboveFull";

    /// <summary>The <c>!w,h</c> size.</summary>
    public const string SizeByConfinedWh = "sizeByConfinedWh";

    /// <summary>2.1 only: a <c>w,h</c> size that distorts.</summary>
    public const string SizeByDistortedWh = "sizeByDistortedWh";

    /// <summary>2.1 only, deprecated: the old <c>w,h</c>.</summary>
    public const string SizeByForcedWh = "sizeByForcedWh";

    /// <summary>The <c>,h</c> size.</summary>
    public const string SizeByH = "sizeByH";

    /// <summary>The <c>pct:n</c> size.</summary>
    public const string SizeByPct = "sizeByPct";

    /// <summary>The <c>w,</c> size.</summary>
    public const string SizeByW = "sizeByW";

    /// <summary>The <c>w,h</c> size.</summary>
    public const string SizeByWh = "sizeByWh";

    /// <summary>2.1 only, deprecated: sizes from <c>sizes</c> only.</summary>
    public const string SizeByWhListed = "sizeByWhListed";

    /// <summary>3.0 only: the <c>^</c> size forms.</summary>
    public const string SizeUpscaling = "sizeUpscaling";
}
